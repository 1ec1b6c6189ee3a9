import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MunicipalityPanelSchema, MyWorkSchema, PanelQuery } from '../../../shared/myWork/schema.ts';
import { MunicipalityNumber } from '../../../shared/common.ts';
import { municipalityPanel } from './municipality-panel.ts';
import { myWork } from './work.ts';

const tags = ['myWork'];

/** The logged-in account's start page («Mitt arbeid») in one answer, and a municipality's own page across its networks. */
export const myWorkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/municipalities/:number/panel',
    {
      schema: {
        tags,
        params: z.object({ number: MunicipalityNumber }),
        querystring: PanelQuery,
        response: { 200: MunicipalityPanelSchema },
      },
    },
    (req) => municipalityPanel(req.ctx, req.params.number, { year: req.query.year, all: req.query.all === 'true' }),
  );
  app.get('/me/work', { schema: { tags, response: { 200: MyWorkSchema } } }, (req) => myWork(req.ctx));
};
