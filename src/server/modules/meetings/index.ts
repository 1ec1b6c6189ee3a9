export { meetingRoutes } from './routes.ts';
export { historyRoutes } from './history-routes.ts';
export { CLOSE_PROCEDURE_JOB, closeProcedureJob } from './written-procedure.ts';
import * as service from './service.ts';
import { sendSummons } from './summons.ts';
import { uploadDocument } from './attachments.ts';

/** For the demo seed, which builds its meeting the way the secretariat would. */
export const meetingsService = { ...service, sendSummons, uploadDocument };
export { renderPublicMinutes } from './minutes.ts';
export { calendarEvent } from './summons.ts';
export { meetingLinkIssuers } from './links.ts';
/** For the archive module: a whole meeting and its documents as the members and the minutes have them. */
export { findBody, isLocked, type BodyWithNetwork, type MeetingRow } from './records.ts';
export { loadMeeting } from './service.ts';
export { minutesDocument, publicMinutesDocument } from './minutes.ts';
export { summonsDocument } from './summons.ts';
