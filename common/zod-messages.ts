/**
 * Readable validation messages on the service side. The contract's schemas use zod/mini
 * (it keeps the page's initial JS small), which ships no message locale: without this an
 * issue reads only "Invalid input". The page needs only pass/fail, so only the service side
 * (dispatch) imports this module.
 *
 * English alone, imported by its own path: `z.locales.en()` reaches the locale through the
 * namespace of all of them, which keeps every language's messages (~360 KB) in the service
 * bundle and in what each start loads.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());
