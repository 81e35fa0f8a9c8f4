/**
 * The steward console's record-keeping sections as one contract section: usage, supplies,
 * inspection and notices (each declared in its own file).
 */
import { inspectionMethods } from './inspection';
import { joinSections } from './contract-method';
import { noticeEvents, noticeMethods } from './notices';
import { supplyMethods } from './supplies';
import { usageMethods } from './usage';

export const stewardRecordMethods = joinSections(joinSections(joinSections(usageMethods, supplyMethods), inspectionMethods), noticeMethods);
export const stewardRecordEvents = noticeEvents;
