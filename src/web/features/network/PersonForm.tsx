import { Select, Tag } from '@digdir/designsystemet-react';
import { PersonCreateSchema, PersonUpdateSchema, type NetworkOverview, type Person } from '../../../shared/network/schema.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import { fieldMessage, SelectField, TextField } from '../../app/forms.tsx';
import { useFormValues } from '../../app/fields.tsx';
import { SaveForm } from '../../app/kit.tsx';
import { useI18n } from '../../app/i18n/index.tsx';
import { useNetworkCapabilities } from '../../app/capabilities.ts';

const splitTags = (text: string) =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);

/**
 * Adds a person to a network (no `person` given) or edits one. The municipality is chosen among the
 * network's current members; competences are free tags separated by commas.
 */
export function PersonForm({
  network,
  person,
  onSaved,
  onCancel,
  onReload,
}: {
  network: NetworkOverview;
  person?: Person;
  onSaved: (person: Person) => void;
  onCancel: () => void;
  onReload?: () => void;
}) {
  const { m, lang } = useI18n();
  const { form, values, field } = useFormValues(() => ({
    name: person?.name ?? '',
    email: person?.email ?? '',
    phone: person?.phone ?? '',
    title: person?.title ?? '',
    municipalityNumber: person?.municipalityNumber ?? '',
    competences: (person?.competences ?? []).join(', '),
  }));
  const { name, email, phone, title, municipalityNumber } = values;
  const labels = {
    name: m.people.name,
    email: m.people.email,
    phone: m.people.phone,
    title: m.people.jobTitle,
    municipalityNumber: m.people.municipality,
    competences: m.people.competences,
  };
  // A municipality editor (not the secretariat) may only place people in the municipalities they edit.
  const { administer: secretariat, memberDataOf: placeable } = useNetworkCapabilities(network.id);
  const members = network.members
    .filter((x) => x.isCurrent && placeable.includes(x.municipalityNumber))
    .sort((a, b) => compareNorwegian(a.municipalityName, b.municipalityName));
  const tags = splitTags(values.competences);
  const fields = { name, email, phone, title, municipalityNumber: municipalityNumber || null, competences: tags };

  return (
    <SaveForm
      form={form}
      onReload={onReload}
      onCancel={onCancel}
      submitLabel={person ? m.common.save : m.people.addPerson}
      save={{
        item: person,
        create: { schema: PersonCreateSchema, path: '/people' },
        update: { schema: PersonUpdateSchema, path: `/people/${person?.id}` },
        input: person ? fields : { ...fields, networkId: network.id },
        labels,
        // Only a new person must be placed: an edit keeps what the secretariat once chose.
        check: (data): Record<string, string> =>
          !person && !secretariat && !data.municipalityNumber
            ? { municipalityNumber: fieldMessage(lang, 'required', labels.municipalityNumber) }
            : {},
        done: onSaved,
      }}
    >
      <TextField {...field('name', labels.name)} required autoComplete="off" />
      <TextField {...field('title', labels.title)} autoComplete="off" />
      <SelectField {...field('municipalityNumber', labels.municipalityNumber)}>
        <Select.Option value="">{secretariat ? m.people.noMunicipality : m.common.choose}</Select.Option>
        {person?.municipalityNumber && !members.some((x) => x.municipalityNumber === person.municipalityNumber) && (
          <Select.Option value={person.municipalityNumber}>{person.municipalityName ?? person.municipalityNumber}</Select.Option>
        )}
        {members.map((x) => (
          <Select.Option key={x.municipalityNumber} value={x.municipalityNumber}>
            {x.municipalityName}
          </Select.Option>
        ))}
      </SelectField>
      <TextField {...field('email', labels.email)} type="email" autoComplete="off" />
      <TextField {...field('phone', labels.phone)} type="tel" autoComplete="off" />
      <TextField {...field('competences', labels.competences, m.people.competencesDescription)} autoComplete="off" />
      {tags.length > 0 && (
        <span className="dr-tags" aria-hidden="true">
          {tags.map((t, i) => (
            <Tag key={`${i}-${t}`} data-size="sm" data-color="neutral">
              {t.toLowerCase()}
            </Tag>
          ))}
        </span>
      )}
    </SaveForm>
  );
}
