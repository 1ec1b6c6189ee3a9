import type { JobHandler } from '../../jobs/index.ts';

export const SURVEY_REMINDER_JOB = 'mapping.surveyReminder';
// Placeholder until the reminder job lands (this session).
export const surveyReminderJob: JobHandler = async () => {};
