import { Select } from '@digdir/designsystemet-react';
import { ROLES, type Role } from '../../../shared/auth/schema.ts';
import { SelectField, type FormState } from '../../app/forms.tsx';
import { useI18n } from '../../app/i18n/index.tsx';
import type { ScopeOptions } from './scope-options.ts';

export interface RoleDraft {
  role: string;
  networkId: string;
  municipalityNumber: string;
}

export const emptyRole: RoleDraft = { role: '', networkId: '', municipalityNumber: '' };

/** The input the API takes for a role, with only the scope the role uses. */
export function roleInput(draft: RoleDraft) {
  const role = draft.role === '' ? undefined : (draft.role as Role);
  return {
    role,
    networkId: role === 'networkAdmin' || role === 'networkMember' ? draft.networkId || null : null,
    municipalityNumber: role === 'municipalityEditor' ? draft.municipalityNumber || null : null,
  };
}

/** Role select and, depending on the role, the network or municipality it applies to. `prefix` is the field path prefix. */
export function RoleFields({
  form,
  prefix,
  value,
  onChange,
  options,
  allowPlatformAdmin,
}: {
  form: FormState;
  prefix: string;
  value: RoleDraft;
  onChange: (value: RoleDraft) => void;
  options: ScopeOptions;
  allowPlatformAdmin: boolean;
}) {
  const { m } = useI18n();
  const path = (name: string) => `${prefix}${name}`;
  const needsNetwork = value.role === 'networkAdmin' || value.role === 'networkMember';
  return (
    <>
      <SelectField
        state={form}
        name={path('role')}
        label={m.admin.role}
        value={value.role}
        onChange={(role) => onChange({ ...value, role })}
        required
      >
        <Select.Option value="">{m.common.choose}</Select.Option>
        {ROLES.filter((r) => allowPlatformAdmin || r !== 'platformAdmin').map((r) => (
          <Select.Option key={r} value={r}>
            {m.enums.userRoles[r]}
          </Select.Option>
        ))}
      </SelectField>
      {needsNetwork && (
        <SelectField
          state={form}
          name={path('networkId')}
          label={m.admin.network}
          value={value.networkId}
          onChange={(networkId) => onChange({ ...value, networkId })}
          required
        >
          <Select.Option value="">{m.common.choose}</Select.Option>
          {options.networks.map((n) => (
            <Select.Option key={n.id} value={n.id}>
              {n.name}
            </Select.Option>
          ))}
        </SelectField>
      )}
      {value.role === 'municipalityEditor' && (
        <SelectField
          state={form}
          name={path('municipalityNumber')}
          label={m.admin.municipality}
          value={value.municipalityNumber}
          onChange={(municipalityNumber) => onChange({ ...value, municipalityNumber })}
          required
        >
          <Select.Option value="">{m.common.choose}</Select.Option>
          {options.municipalities.map((x) => (
            <Select.Option key={x.number} value={x.number}>
              {x.name}
            </Select.Option>
          ))}
        </SelectField>
      )}
    </>
  );
}
