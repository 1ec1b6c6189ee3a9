/**
 * The benefits module (nyttestyring): a project's benefits, their indicators, each municipality's baseline, targets
 * and measurements, the roll-up to project, focus area and network with the traceability view, the benefits plan as
 * DOCX/XLSX, and the daily «next measurement due» reminders.
 */
export { benefitRoutes } from './routes.ts';
export { createBenefit, addIndicator, saveTarget, addMeasurement } from './benefits.ts';
export { BENEFIT_REMINDER_JOB, benefitReminderJob, scheduleBenefitReminders } from './reminders.ts';
export { benefitsOfProjects, type ProjectBenefitRealization } from './rollup.ts';
