import { useState } from 'react';
import { Alert, Button, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { InvitationCreateSchema, RoleAssignmentInputSchema, type RoleAssignment, type UserSummary } from '../../../shared/auth/schema.ts';
import { api, useApi } from '../../app/api.ts';
import { ConfirmForm, SuccessMessage, TextField, useForm } from '../../app/forms.tsx';
import { SubmitForm } from '../../app/submit-form.tsx';
import { useFormValues } from '../../app/fields.tsx';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { ButtonRow, LoadState, ModalDialog, Section } from '../../app/ui.tsx';
import { emptyRole, RoleFields, roleInput, type RoleDraft } from './RoleFields.tsx';
import { roleText } from './RoleLabel.tsx';
import { useScopeOptions, type ScopeOptions } from './scope-options.ts';
import { RowAction, DataTable } from '../../app/table.tsx';

type Dialog = { kind: 'invite' } | { kind: 'grant'; target: UserSummary } | { kind: 'revoke'; target: UserSummary; role: RoleAssignment };

/** Users with their status and roles; invite, give and take away roles. */
export function UsersSection() {
  const { m } = useI18n();
  const users = useApi<UserSummary[]>('/admin/users');
  const options = useScopeOptions();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const platform = options.everyRole;
  // The same question as giving the role: the server answers which scopes the account gives roles in.
  const mayRevoke = (r: RoleAssignment) =>
    platform ||
    (r.networkId !== null && options.networks.some((n) => n.id === r.networkId)) ||
    (r.role === 'municipalityEditor' && options.municipalities.some((x) => x.number === r.municipalityNumber));
  const replaceUser = (next: UserSummary) => {
    if (users.data) users.setData(users.data.map((u) => (u.id === next.id ? next : u)));
  };
  const close = () => setDialog(null);
  // A granted or revoked role: the row shows the account's roles as the server now has them.
  const rolesChanged = (message: string) => (next: UserSummary) => {
    replaceUser(next);
    close();
    setStatus(message);
  };

  return (
    <Section id="users-heading" title={m.admin.usersHeading}>
      <ButtonRow>
        <Button type="button" onClick={() => setDialog({ kind: 'invite' })}>
          {m.admin.invite}
        </Button>
      </ButtonRow>
      <SuccessMessage message={status} />
      <LoadState loaded={users}>
        {(list) => (
          <DataTable
            caption={m.admin.usersCaption}
            columns={[m.admin.name, m.admin.email, m.admin.status, m.admin.roles, m.common.actions]}
          >
            {list.map((u) => (
              <Table.Row key={u.id}>
                <Table.Cell>{u.name}</Table.Cell>
                <Table.Cell>{u.email}</Table.Cell>
                <Table.Cell>
                  <Tag data-size="sm" data-color={u.status === 'active' ? 'success' : u.status === 'invited' ? 'info' : 'neutral'}>
                    {m.enums.userStatus[u.status]}
                  </Tag>
                </Table.Cell>
                <Table.Cell>
                  <ul className="dr-role-list">
                    {u.roles.map((r) => (
                      <li key={r.id}>
                        {roleText(m, r)}{' '}
                        {mayRevoke(r) && (
                          <RowAction
                            label={fmt(m.admin.revokeRole, { role: roleText(m, r), name: u.name })}
                            danger
                            onClick={() => setDialog({ kind: 'revoke', target: u, role: r })}
                          >
                            {m.admin.revokeButton}
                          </RowAction>
                        )}
                      </li>
                    ))}
                  </ul>
                </Table.Cell>
                <Table.Cell>
                  <Button
                    type="button"
                    variant="secondary"
                    data-size="sm"
                    aria-label={fmt(m.admin.grantRole, { name: u.name })}
                    onClick={() => setDialog({ kind: 'grant', target: u })}
                  >
                    {m.admin.grantRoleShort}
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </DataTable>
        )}
      </LoadState>

      <ModalDialog open={dialog?.kind === 'invite'} onClose={close} title={m.admin.invite}>
        <InviteForm
          options={options}
          allowPlatformAdmin={platform}
          onDone={close}
          onInvited={(created) => {
            if (users.data) users.setData([...users.data.filter((u) => u.id !== created.id), created]);
          }}
        />
      </ModalDialog>
      <ModalDialog
        open={dialog?.kind === 'grant'}
        onClose={close}
        title={dialog?.kind === 'grant' ? fmt(m.admin.grantRole, { name: dialog.target.name }) : ''}
      >
        {dialog?.kind === 'grant' && (
          <GrantForm
            target={dialog.target}
            options={options}
            allowPlatformAdmin={platform}
            onCancel={close}
            onSaved={rolesChanged(m.admin.roleGranted)}
          />
        )}
      </ModalDialog>
      <ModalDialog open={dialog?.kind === 'revoke'} onClose={close} title={m.admin.revokeTitle}>
        {dialog?.kind === 'revoke' && (
          <RevokeConfirm target={dialog.target} role={dialog.role} onCancel={close} onRevoked={rolesChanged(m.admin.roleRevoked)} />
        )}
      </ModalDialog>
    </Section>
  );
}

function InviteForm({
  options,
  allowPlatformAdmin,
  onDone,
  onInvited,
}: {
  options: ScopeOptions;
  allowPlatformAdmin: boolean;
  onDone: () => void;
  onInvited: (user: UserSummary) => void;
}) {
  const { m } = useI18n();
  const { form, values, field } = useFormValues({ email: '', name: '' });
  const [role, setRole] = useState<RoleDraft>(emptyRole);
  const [created, setCreated] = useState<{ user: UserSummary } | null>(null);
  const labels = {
    email: m.admin.email,
    name: m.admin.name,
    roles: m.admin.role,
    'roles.0.role': m.admin.role,
    'roles.0.networkId': m.admin.network,
    'roles.0.municipalityNumber': m.admin.municipality,
  };

  if (created) {
    return (
      <div className="dr-stack">
        <Alert data-color="success" role="status">
          <Paragraph>{fmt(m.admin.invitationCreated, { email: created.user.email })}</Paragraph>
        </Alert>
        <ButtonRow>
          <Button type="button" onClick={onDone}>
            {m.common.closeDialog}
          </Button>
        </ButtonRow>
      </div>
    );
  }

  return (
    <SubmitForm
      form={form}
      onCancel={onDone}
      submitLabel={m.admin.inviteSubmit}
      submit={{
        schema: InvitationCreateSchema,
        input: { ...values, roles: [roleInput(role)] },
        labels,
        send: (body) => api<{ user: UserSummary }>('/admin/invitations', { method: 'POST', body }),
        done: (result) => {
          setCreated(result);
          onInvited(result.user);
        },
      }}
    >
      <TextField {...field('email', labels.email)} type="email" autoComplete="off" required />
      <TextField {...field('name', labels.name)} autoComplete="off" required />
      <RoleFields form={form} prefix="roles.0." value={role} onChange={setRole} options={options} allowPlatformAdmin={allowPlatformAdmin} />
    </SubmitForm>
  );
}

function GrantForm({
  target,
  options,
  allowPlatformAdmin,
  onSaved,
  onCancel,
}: {
  target: UserSummary;
  options: ScopeOptions;
  allowPlatformAdmin: boolean;
  onSaved: (user: UserSummary) => void;
  onCancel: () => void;
}) {
  const { m } = useI18n();
  const form = useForm();
  const [role, setRole] = useState<RoleDraft>(emptyRole);
  const labels = { role: m.admin.role, networkId: m.admin.network, municipalityNumber: m.admin.municipality };
  return (
    <SubmitForm
      form={form}
      onCancel={onCancel}
      submitLabel={m.admin.grantSubmit}
      submit={{
        schema: RoleAssignmentInputSchema,
        input: roleInput(role),
        labels,
        send: (body) => api<UserSummary>(`/admin/users/${target.id}/roles`, { method: 'POST', body }),
        done: onSaved,
      }}
    >
      <RoleFields form={form} prefix="" value={role} onChange={setRole} options={options} allowPlatformAdmin={allowPlatformAdmin} />
    </SubmitForm>
  );
}

function RevokeConfirm({
  target,
  role,
  onCancel,
  onRevoked,
}: {
  target: UserSummary;
  role: RoleAssignment;
  onCancel: () => void;
  onRevoked: (user: UserSummary) => void;
}) {
  const { m } = useI18n();
  return (
    <ConfirmForm
      danger
      focusCancel
      confirmLabel={m.admin.revokeButton}
      onConfirm={async () => onRevoked(await api<UserSummary>(`/admin/users/${target.id}/roles/${role.id}`, { method: 'DELETE' }))}
      onCancel={onCancel}
    >
      <Paragraph>{fmt(m.admin.revokeConfirm, { role: roleText(m, role), name: target.name })}</Paragraph>
    </ConfirmForm>
  );
}
