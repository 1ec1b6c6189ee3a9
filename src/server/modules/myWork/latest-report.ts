import { sql } from 'drizzle-orm';

/**
 * Each project `p`'s latest published status report as `rep` (its kind, period, light and the period's end as
 * periodEnd() counts it), or nulls before the first: one probe of `project_status_reports_latest_idx`, whose
 * expression and order this repeats (newest end first, a month before a tertial that ends with it).
 */
export const LATEST_REPORT = sql`left join lateral (
      select r.period_kind, r.year, r.period, r.overall,
        case when r.period_kind = 'month' then r.year * 12 + r.period else r.year * 12 + r.period * 4 end as last_end
      from project_status_reports r where r.project_id = p.id and r.state = 'published'
      order by case when r.period_kind = 'month' then r.year * 12 + r.period else r.year * 12 + r.period * 4 end desc, r.period_kind
      limit 1) rep on true`;
