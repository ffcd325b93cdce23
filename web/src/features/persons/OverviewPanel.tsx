import { SimpleGrid, Table, Text, Title } from '@mantine/core';
import { formatDate, useI18n } from '../../i18n';
import type { PersonPage } from './api';

function Rows({ rows }: { rows: [string, string | null][] }) {
  const { t } = useI18n();
  return (
    <Table withRowBorders={false} verticalSpacing={4}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" w="45%" fw={500}>
              {label}
            </Table.Th>
            <Table.Td>{value && value !== '' ? value : t.register.search.none}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Contact data, provenance and the art 14 deadline. */
export function OverviewPanel({ person: p }: { person: PersonPage }) {
  const { t, intlLocale } = useI18n();
  const r = t.register;
  const pv = p.provenance;
  const art14 = p.art14.informedAt
    ? r.provenance.art14Informed(formatDate(p.art14.informedAt, intlLocale))
    : p.art14.dueAt
      ? r.provenance.art14Due(formatDate(p.art14.dueAt, intlLocale))
      : r.provenance.art14None;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
      <section aria-labelledby="kk-contact">
        <Title order={2} size="h3" id="kk-contact" mb="xs">
          {r.contact.title}
        </Title>
        <Rows
          rows={[
            [r.contact.firstName, p.firstName],
            [r.contact.infix, p.infix],
            [r.contact.lastName, p.lastName],
            [r.contact.email, p.email],
            [r.contact.phone, p.phone],
            [r.contact.street, [p.street, p.houseNumber].filter(Boolean).join(' ')],
            [r.contact.postcode, p.postcode],
            [r.contact.city, p.city],
            [r.contact.birthDate, p.birthDate],
            [r.contact.ageBand, p.ageBand],
            [r.contact.language, r.contact.languages[p.language] ?? p.language],
            [r.contact.branch, p.branchName],
          ]}
        />
      </section>
      <section aria-labelledby="kk-provenance">
        <Title order={2} size="h3" id="kk-provenance" mb="xs">
          {r.provenance.title}
        </Title>
        <Rows
          rows={[
            [r.provenance.dataset, pv.datasetName ?? r.provenance.noDataset],
            [r.provenance.sourceKind, r.provenance.sourceKinds[pv.sourceKind] ?? pv.sourceKind],
            [r.provenance.channel, r.provenance.channels[pv.channel] ?? pv.channel],
            [r.provenance.collectedAt, formatDate(pv.collectedAt, intlLocale, true)],
            [r.provenance.collectedBy, pv.collectedByName ?? pv.collectedBy],
            [r.provenance.obtainedFromSubject, p.obtainedFromSubject ? r.provenance.yes : r.provenance.no],
          ]}
        />
        <Text size="sm" mt="sm">
          <strong>{r.provenance.art14}:</strong> {art14}
        </Text>
      </section>
    </SimpleGrid>
  );
}
