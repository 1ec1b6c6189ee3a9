/**
 * The finance module (so far: member fees, grants and own effort). A network's fee schedule for a year, its model, a preview of each
 * member municipality's fee, adoption by a body's decision (which freezes the fees), and the invoice basis.
 * Other modules (and the demo data) use these functions; each takes the request context first.
 */
export { listFeeSchedules, getFeeSchedule, createFeeSchedule, updateFeeSchedule, deleteFeeSchedule, adoptFeeSchedule } from './fees.ts';
export { exportFeeSchedule } from './documents.ts';
export {
  listBudgets,
  getBudget,
  createBudget,
  updateBudget,
  deleteBudget,
  createBudgetLine,
  updateBudgetLine,
  deleteBudgetLine,
  createBudgetActual,
  deleteBudgetActual,
  listLineActuals,
} from './budget.ts';
export { importBudgetActuals } from './budget-import.ts';
export { exportBudget } from './budget-export.ts';
export {
  listGrants,
  getGrant,
  createGrant,
  updateGrant,
  deleteGrant,
  addAllocation,
  addExpense,
  addDeadline,
  markDeadlineReported,
  grantsFinancing,
  projectGrants,
} from './grants.ts';
export { GRANT_REMINDER_JOB, grantReminderJob, scheduleGrantReminders, sendGrantReminders } from './grant-reminders.ts';
export {
  getRate as getOwnEffortRate,
  setRate as setOwnEffortRate,
  createEntry as createOwnEffortEntry,
  importEntries as importOwnEffort,
  ownEffortFor,
  projectOwnEffort,
  type OwnEffortStatement,
} from './own-effort.ts';
export { createPlan as createOwnEffortPlan, setCommitment as setOwnEffortCommitment } from './capacity.ts';
export { financeRoutes } from './routes.ts';
