/**
 * Readable validation messages on the service side. The contract's schemas use zod/mini
 * (it keeps the page's initial JS small), which ships no message locale: without this an
 * issue reads only "Invalid input". The page needs only pass/fail, so only the service side
 * (dispatch) imports this module.
 */
import { z } from 'zod/mini';

z.config(z.locales.en());
