import { ROLES, type Role } from '../../../shared/auth/schema.ts';
import { type FormState } from '../../app/forms.tsx';
import { fieldBinder } from '../../app/fields.tsx';
import { OptionSelect, optionsOf } from '../../app/form-parts.tsx';
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
  // Each field's name is its path in the form, so the server's errors land on it.
  const field = fieldBinder(form, value, (patch) => onChange({ ...value, ...patch }));
  const bind = (key: keyof RoleDraft) => ({ ...field(key, `${prefix}${key}`), required: true, empty: m.common.choose });
  const needsNetwork = value.role === 'networkAdmin' || value.role === 'networkMember';
  return (
    <>
      <OptionSelect
        {...bind('role')}
        label={m.admin.role}
        options={optionsOf(
          ROLES.filter((r) => allowPlatformAdmin || r !== 'platformAdmin'),
          m.enums.userRoles,
        )}
      />
      {needsNetwork && (
        <OptionSelect
          {...bind('networkId')}
          label={m.admin.network}
          options={options.networks.map((n) => ({ value: n.id, label: n.name }))}
        />
      )}
      {value.role === 'municipalityEditor' && (
        <OptionSelect
          {...bind('municipalityNumber')}
          label={m.admin.municipality}
          options={options.municipalities.map((x) => ({ value: x.number, label: x.name }))}
        />
      )}
    </>
  );
}
