export { meetingRoutes } from './routes.ts';
export { CLOSE_PROCEDURE_JOB, closeProcedureJob } from './written-procedure.ts';
