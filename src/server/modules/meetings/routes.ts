import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, OkSchema, Version } from '../../../shared/common.ts';
import {
  AbsenceReportSchema,
  AddPendingCaseSchema,
  AgendaItemSchema,
  AgendaItemUpdateSchema,
  AgendaOrderSchema,
  AgendaAmendmentSchema,
  ApproveMinutesSchema,
  AttendeeCreateSchema,
  AttendeeUpdateSchema,
  CaseCreateSchema,
  CaseNumberingParams,
  CaseNumberingSchema,
  NextCaseNumberSchema,
  DocumentSchema,
  DocumentUpdateSchema,
  ForwardSchema,
  JointHandlingSchema,
  MeetingCreateSchema,
  MeetingListQuery,
  MeetingSchema,
  MeetingSummarySchema,
  MeetingUpdateSchema,
  PostponeSchema,
  ProcedureAnswerSchema,
  StatusChangeSchema,
  TokenViewSchema,
  WrittenProcedureCreateSchema,
  WrittenProcedureSchema,
} from '../../../shared/meetings/schema.ts';
import { EXPORT_FORMATS, sendFile } from '../documents/index.ts';
import { acceptUploads, FROM_STORAGE, type FileStorage } from '../storage/index.ts';
import * as attachments from './attachments.ts';
import { getCaseNumbering, setNextCaseNumber } from './numbering.ts';
import { openLink, viewLink } from './links.ts';
import { renderMinutes } from './minutes.ts';
import { requestSignatures, signMinutes } from './signatures.ts';
import * as service from './service.ts';
import { handleJointly, leaveJointHandling } from './joint-handling.ts';
import {
  amendAgenda,
  cancelMeeting,
  renderMeetingSummons,
  reportAbsence,
  sendSummons,
  summonDeputy,
  type LinkSettings,
} from './summons.ts';
import { answerWrittenProcedure, getWrittenProcedure, listProceduresOfMeeting, startWrittenProcedure } from './written-procedure.ts';

export interface MeetingsRouteOptions extends LinkSettings {
  storage: FileStorage;
}

const tags = ['meetings'];
const PUBLIC = { public: true };
const VersionQuery = z.object({ version: z.coerce.number().pipe(Version) });
const TokenParams = z.object({ token: z.string().min(20).max(100) });

export const meetingRoutes: FastifyPluginAsyncZod<MeetingsRouteOptions> = async (app, options) => {
  const links: LinkSettings = { publicUrl: options.publicUrl, senderEmail: options.senderEmail };
  const { storage } = options;

  // Uploads arrive as the raw file with its name in the query; what it is, its bytes tell (storage/uploads.ts).
  acceptUploads(app);

  // meeting plan and meetings
  app.get(
    '/bodies/:id/meetings',
    { schema: { tags, params: IdParams, querystring: MeetingListQuery, response: { 200: z.array(MeetingSummarySchema) } } },
    (req) => service.listMeetings(req.ctx, req.params.id, req.query.year),
  );
  app.get(
    '/bodies/:id/meetings/export',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: MeetingListQuery.extend({ format: z.enum(EXPORT_FORMATS, { error: 'choice' }).default('xlsx') }),
      },
    },
    async (req, reply) => sendFile(reply, await service.exportMeetings(req.ctx, req.params.id, req.query.year, req.query.format)),
  );
  app.post(
    '/bodies/:id/meetings',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: MeetingCreateSchema, response: { 201: MeetingSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.createMeeting(req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/bodies/:id/case-numbers/:year',
    { schema: { tags, params: CaseNumberingParams, response: { 200: CaseNumberingSchema } } },
    (req) => getCaseNumbering(req.ctx, req.params.id, req.params.year),
  );
  app.put(
    '/bodies/:id/case-numbers/:year',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: CaseNumberingParams, body: NextCaseNumberSchema, response: { 200: CaseNumberingSchema } },
    },
    (req) => setNextCaseNumber(req.ctx, req.params.id, req.params.year, req.body.next),
  );
  app.get('/meetings/:id', { schema: { tags, params: IdParams, response: { 200: MeetingSchema } } }, (req) =>
    service.getMeeting(req.ctx, req.params.id),
  );
  app.patch(
    '/meetings/:id',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: MeetingUpdateSchema, response: { 200: MeetingSchema } },
    },
    (req) => service.updateMeeting(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/meetings/:id',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, querystring: VersionQuery, response: { 200: OkSchema } },
    },
    async (req) => {
      await cancelMeeting(req.ctx, req.params.id, req.query.version, links);
      return { ok: true as const };
    },
  );
  app.post(
    '/meetings/:id/summons',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: StatusChangeSchema, response: { 200: MeetingSchema } },
    },
    (req) => sendSummons(req.ctx, req.params.id, req.body.version, links),
  );
  app.get('/meetings/:id/summons.pdf', { schema: { tags, params: IdParams } }, async (req, reply) =>
    sendFile(reply, await renderMeetingSummons(req.ctx, req.params.id, 'pdf')),
  );
  app.get('/meetings/:id/summons.docx', { schema: { tags, params: IdParams } }, async (req, reply) =>
    sendFile(reply, await renderMeetingSummons(req.ctx, req.params.id, 'docx')),
  );
  app.post(
    '/meetings/:id/held',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: StatusChangeSchema, response: { 200: MeetingSchema } },
    },
    (req) => service.markHeld(req.ctx, req.params.id, req.body.version),
  );
  app.post(
    '/meetings/:id/minutes/approve',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: ApproveMinutesSchema, response: { 200: MeetingSchema } },
    },
    (req) => service.approveMinutes(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/meetings/:id/minutes/signatures',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: StatusChangeSchema, response: { 200: MeetingSchema } },
    },
    (req) => requestSignatures(req.ctx, req.params.id, req.body.version),
  );
  app.get(
    '/meetings/:id/minutes',
    { schema: { tags, params: IdParams, querystring: z.object({ format: z.enum(['pdf', 'docx'], { error: 'choice' }).default('pdf') }) } },
    async (req, reply) => sendFile(reply, await renderMinutes(req.ctx, req.params.id, req.query.format)),
  );

  // the agenda
  app.post(
    '/meetings/:id/cases',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: CaseCreateSchema, response: { 201: MeetingSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.addCase(req.ctx, req.params.id, req.body)),
  );
  app.post(
    '/meetings/:id/pending-cases',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: AddPendingCaseSchema, response: { 201: MeetingSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.addPendingCase(req.ctx, req.params.id, req.body.consultationId)),
  );
  app.put(
    '/meetings/:id/agenda-order',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: AgendaOrderSchema, response: { 200: MeetingSchema } },
    },
    (req) => service.reorderAgenda(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/meetings/:id/amended-agenda',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: AgendaAmendmentSchema, response: { 200: MeetingSchema } },
    },
    (req) => amendAgenda(req.ctx, req.params.id, req.body, links),
  );
  app.post(
    '/meetings/:id/joint-handling',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: JointHandlingSchema, response: { 200: MeetingSchema } },
    },
    (req) => handleJointly(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/agenda-items/:id/joint-handling',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, querystring: VersionQuery, response: { 200: MeetingSchema } },
    },
    (req) => leaveJointHandling(req.ctx, req.params.id, req.query.version),
  );
  app.patch(
    '/agenda-items/:id',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: AgendaItemUpdateSchema, response: { 200: AgendaItemSchema } },
    },
    (req) => service.updateAgendaItem(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/agenda-items/:id',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, querystring: VersionQuery, response: { 200: MeetingSchema } },
    },
    (req) => service.removeAgendaItem(req.ctx, req.params.id, req.query.version),
  );
  app.post(
    '/agenda-items/:id/postpone',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: PostponeSchema, response: { 200: MeetingSchema } },
    },
    (req) => service.postponeItem(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/agenda-items/:id/forward',
    { config: { access: 'network.administer' }, schema: { tags, params: IdParams, body: ForwardSchema, response: { 200: MeetingSchema } } },
    (req) => service.forwardItem(req.ctx, req.params.id, req.body),
  );

  // attendance
  app.post(
    '/meetings/:id/attendees',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: AttendeeCreateSchema, response: { 201: MeetingSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.addAttendee(req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/meeting-attendees/:id',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: AttendeeUpdateSchema, response: { 200: MeetingSchema } },
    },
    (req) => service.updateAttendee(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/meeting-attendees/:id/summon-deputy',
    { config: { access: 'network.administer' }, schema: { tags, params: IdParams, response: { 200: MeetingSchema } } },
    (req) => summonDeputy(req.ctx, req.params.id, links),
  );

  // attachments
  app.post(
    '/cases/:id/documents',
    {
      config: { access: 'network.administer' },
      schema: {
        tags,
        params: IdParams,
        querystring: z.object({ fileName: z.string().trim().min(1, { error: 'required' }).max(200) }),
        response: { 201: DocumentSchema },
      },
    },
    async (req, reply) => {
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      return reply
        .status(201)
        .send(await attachments.uploadDocument(req.ctx, storage, req.params.id, { fileName: req.query.fileName, bytes }));
    },
  );
  app.patch(
    '/case-documents/:id',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: DocumentUpdateSchema, response: { 200: DocumentSchema } },
    },
    (req) => attachments.updateDocument(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/case-documents/:id',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, querystring: VersionQuery, response: { 200: OkSchema } },
    },
    async (req) => {
      await attachments.deleteDocument(req.ctx, req.params.id, req.query.version);
      return { ok: true as const };
    },
  );
  app.get('/case-documents/:id/file', { config: FROM_STORAGE, schema: { tags, params: IdParams } }, async (req, reply) => {
    const { document, bytes } = await attachments.downloadDocument(req.ctx, storage, req.params.id);
    return sendFile(reply, { body: bytes, fileName: document.fileName, contentType: document.contentType });
  });

  // written procedure
  app.post(
    '/consultations/:id/written-procedure',
    {
      config: { access: 'network.administer' },
      schema: { tags, params: IdParams, body: WrittenProcedureCreateSchema, response: { 201: WrittenProcedureSchema } },
    },
    async (req, reply) => reply.status(201).send(await startWrittenProcedure(req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/meetings/:id/written-procedures',
    { schema: { tags, params: IdParams, response: { 200: z.array(WrittenProcedureSchema) } } },
    (req) => listProceduresOfMeeting(req.ctx, req.params.id),
  );
  app.get('/written-procedures/:id', { schema: { tags, params: IdParams, response: { 200: WrittenProcedureSchema } } }, (req) =>
    getWrittenProcedure(req.ctx, req.params.id),
  );

  // personal links from e-mails: no login, the token is the key
  app.get('/links/:token', { config: PUBLIC, schema: { tags, params: TokenParams, response: { 200: TokenViewSchema } } }, (req) =>
    openLink(req.ctx, req.params.token),
  );
  app.post(
    '/links/:token/absence',
    {
      config: { ...PUBLIC, access: 'personalLink' },
      schema: { tags, params: TokenParams, body: AbsenceReportSchema, response: { 200: TokenViewSchema } },
    },
    async (req) => {
      await reportAbsence(req.ctx, req.params.token, req.body.reason);
      return viewLink(req.ctx, req.params.token);
    },
  );
  app.post(
    '/links/:token/sign',
    { config: { ...PUBLIC, access: 'personalLink' }, schema: { tags, params: TokenParams, response: { 200: TokenViewSchema } } },
    async (req) => {
      await signMinutes(req.ctx, req.params.token);
      return viewLink(req.ctx, req.params.token);
    },
  );
  app.post(
    '/links/:token/answer',
    {
      config: { ...PUBLIC, access: 'personalLink' },
      schema: { tags, params: TokenParams, body: ProcedureAnswerSchema, response: { 200: TokenViewSchema } },
    },
    async (req) => {
      await answerWrittenProcedure(req.ctx, req.params.token, req.body);
      return viewLink(req.ctx, req.params.token);
    },
  );
};
