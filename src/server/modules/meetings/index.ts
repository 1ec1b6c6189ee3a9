export { meetingRoutes } from './routes.ts';
export { CLOSE_PROCEDURE_JOB, closeProcedureJob } from './written-procedure.ts';
import * as service from './service.ts';
import { sendSummons } from './summons.ts';

/** For the demo seed, which builds its meeting the way the secretariat would. */
export const meetingsService = { ...service, sendSummons };
export { renderPublicMinutes } from './minutes.ts';
export { calendarEvent } from './summons.ts';
export { meetingLinkIssuers } from './links.ts';
