import { z } from 'zod';
import { Email, Id, MunicipalityNumber, Text } from '../common.ts';
import { LANGUAGES } from '../i18n/languages.ts';

export const ROLES = ['platformAdmin', 'networkAdmin', 'municipalityEditor', 'networkMember'] as const;
export type Role = (typeof ROLES)[number];

export const PASSWORD_MIN_LENGTH = 10;

export const LoginSchema = z.object({
  email: Email,
  password: z.string().min(1, { error: 'required' }).max(200),
});
export type LoginInput = z.infer<typeof LoginSchema>;

export const ChangePasswordSchema = z.object({
  currentPassword: z.string().min(1, { error: 'required' }).max(200),
  newPassword: z.string().min(PASSWORD_MIN_LENGTH).max(200),
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>;

export const PreferencesSchema = z.object({ language: z.enum(LANGUAGES, { error: 'choice' }) });

/** A role is scoped: network roles name a network, the editor role names a municipality. */
export const RoleAssignmentInputSchema = z
  .object({
    role: z.enum(ROLES, { error: 'choice' }),
    networkId: Id.nullish(),
    municipalityNumber: MunicipalityNumber.nullish(),
  })
  .superRefine((value, ctx) => {
    if ((value.role === 'networkAdmin' || value.role === 'networkMember') && !value.networkId) {
      ctx.addIssue({ code: 'custom', path: ['networkId'], message: 'required' });
    }
    if (value.role === 'municipalityEditor' && !value.municipalityNumber) {
      ctx.addIssue({ code: 'custom', path: ['municipalityNumber'], message: 'required' });
    }
  });
export type RoleAssignmentInput = z.infer<typeof RoleAssignmentInputSchema>;

export const InvitationCreateSchema = z.object({
  email: Email,
  name: Text(120),
  roles: z.array(RoleAssignmentInputSchema).min(1, { error: 'required' }).max(10),
});
export type InvitationCreateInput = z.infer<typeof InvitationCreateSchema>;

export const InvitationAcceptSchema = z.object({
  password: z.string().min(PASSWORD_MIN_LENGTH).max(200),
});

export const RoleAssignmentSchema = z.object({
  id: z.string(),
  role: z.enum(ROLES),
  networkId: z.string().nullable(),
  networkName: z.string().nullable(),
  municipalityNumber: z.string().nullable(),
  municipalityName: z.string().nullable(),
});
export type RoleAssignment = z.infer<typeof RoleAssignmentSchema>;

export const CurrentUserSchema = z.object({
  user: z
    .object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      language: z.enum(LANGUAGES),
      hasPassword: z.boolean(),
      roles: z.array(RoleAssignmentSchema),
    })
    .nullable(),
  csrfToken: z.string().nullable(),
});
export type CurrentUser = z.infer<typeof CurrentUserSchema>;

export const AuthConfigSchema = z.object({
  oidc: z.object({ enabled: z.boolean(), label: z.string() }),
  demo: z
    .object({ users: z.array(z.object({ email: z.string(), password: z.string(), role: z.enum(ROLES), scope: z.string().nullable() })) })
    .nullable(),
});
export type AuthConfig = z.infer<typeof AuthConfigSchema>;

export const UserSummarySchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  status: z.enum(['invited', 'active', 'disabled']),
  roles: z.array(RoleAssignmentSchema),
});
export type UserSummary = z.infer<typeof UserSummarySchema>;

/** The link to choose a password goes to the invited person by e-mail only: it is theirs alone. */
export const InvitationCreatedSchema = z.object({
  user: UserSummarySchema,
});

export const PasswordResetRequestSchema = z.object({ email: Email });
export type PasswordResetRequestInput = z.infer<typeof PasswordResetRequestSchema>;

/** A password chosen through a reset link follows the same rule as one chosen through an invitation. */
export const PasswordResetCompleteSchema = InvitationAcceptSchema;

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  /** Where the change came from: the client's address as the trusted proxies hand it on, and its user agent. */
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuery = z.object({
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const OutboxMessageSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  /** The text with every personal link's token hidden (•••): only the recipient's e-mail holds it. */
  text: z.string(),
  attachmentNames: z.array(z.string()),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  /** The message this one sent again. */
  resendOf: z.string().nullable(),
  /** Whether it can be sent again: messages kept before links became placeholders (migration 0017) cannot. */
  resendable: z.boolean(),
});
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;
