import type { RoleAssignment } from '../../../shared/auth/schema.ts';
import { fmt, useI18n } from '../../app/i18n/index.tsx';

/** A role with its scope: «Nettverksadministrator (sekretariat) – DigiVesterålen». */
export function roleText(m: ReturnType<typeof useI18n>['m'], role: RoleAssignment): string {
  const label = m.enums.userRoles[role.role];
  const scope = role.networkName ?? role.municipalityName ?? role.municipalityNumber;
  return scope ? fmt(m.admin.scoped, { role: label, scope }) : label;
}

export function RoleLabel({ role }: { role: RoleAssignment }) {
  const { m } = useI18n();
  return <>{roleText(m, role)}</>;
}
