/**
 * Programmes (programmer): the network's projects grouped under an owner, a purpose and focus areas, with a page that
 * rolls up their lights, budget and forecast, risks and benefits, and the public pages of them. A module of its own
 * beside the portfolio, whose data it is (`programmes` and `projects.programme_id`), because its roll-up reads the
 * benefits module, which reads the portfolio.
 */
export { programmeRoutes } from './routes.ts';
export { listProgrammes, getProgramme, createProgramme, updateProgramme, deleteProgramme } from './programmes.ts';
export { publicProgrammes, publicProgramme } from './public.ts';
