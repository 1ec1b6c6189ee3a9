/**
 * «Mitt arbeid»: each person's start page, made of what their roles bring (meetings they are called to and answers
 * awaited from them, the secretariat's tasks, their projects, measurements due, their municipality's page). It reads
 * the other modules' tables in read-only queries and writes only its own visit stamps.
 */
export { myWorkRoutes } from './routes.ts';
export { myWork } from './work.ts';
export { municipalityPanel } from './municipality-panel.ts';
