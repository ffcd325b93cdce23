import { Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { formatDate, useI18n } from '../../i18n';
import type { PersonPage } from './api';
import { Disclosure } from './Disclosure';
import { PublicEvidenceForm, RegularContactForm, RetractForm } from './EvidenceForms';
import { EndMembershipForm, MembershipForm } from './MembershipForms';
import { GROUND_COLOR } from './PersonDetail';
import { TextBadge } from './TextBadge';

type Political = NonNullable<PersonPage['political']>;

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}

/** The grounds with their evidence, the memberships, the evidence records and the consents. */
export function GroundsPanel({ person, political: pol }: { person: PersonPage; political: Political }) {
  const { t, intlLocale, locale } = useI18n();
  const r = t.register;
  const d = (iso: string | null) => (iso ? formatDate(iso, intlLocale) : r.grounds.open);
  const write = person.can.write;

  return (
    <Stack gap="xl">
      <Section id="kk-grounds" title={r.grounds.title}>
        <Text size="sm" mb="sm" maw={720}>
          {r.grounds.intro}
        </Text>
        {pol.grounds.length === 0 ? (
          <TextBadge color="gray">{r.grounds.badge.NONE}</TextBadge>
        ) : (
          <Table withTableBorder>
            <Table.Caption className="kk-visually-hidden">{r.grounds.held}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{r.grounds.held}</Table.Th>
                <Table.Th scope="col">{r.grounds.since}</Table.Th>
                <Table.Th scope="col">{r.grounds.until}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pol.grounds.map((g) => (
                <Table.Tr key={`${g.ground}-${g.evidenceId}`}>
                  <Table.Td>
                    <TextBadge color={GROUND_COLOR[g.ground] ?? 'gray'}>
                      {r.grounds.badge[g.ground] ?? g.ground}
                    </TextBadge>{' '}
                    <Text span size="xs" c="dimmed">
                      ({r.grounds.evidence[g.evidenceKind] ?? g.evidenceKind})
                    </Text>
                  </Table.Td>
                  <Table.Td>{d(g.since)}</Table.Td>
                  <Table.Td>{d(g.until)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text size="xs" c="dimmed" mt="xs">
          {r.grounds.setGroundNote}
        </Text>
      </Section>

      <Section id="kk-memberships" title={r.memberships.title}>
        <Text size="xs" c="dimmed" mb="xs">
          {r.memberships.political}
        </Text>
        {pol.memberships.length === 0 ? (
          <Text size="sm">{r.memberships.none}</Text>
        ) : (
          <List spacing="xs">
            {pol.memberships.map((m) => (
              <List.Item key={m.id}>
                <Group gap="xs">
                  <Text size="sm">
                    {r.memberships.statuses[m.status] ?? m.status} · {r.memberships.since} {m.since}
                    {m.until ? ` · ${r.memberships.until} ${m.until}` : ''}
                  </Text>
                  {write && m.status !== 'ended' && (
                    <EndMembershipForm personId={person.id} membershipId={m.id} />
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {write && !pol.memberships.some((m) => m.status !== 'ended') && (
          <Disclosure label={r.memberships.add}>
            <MembershipForm personId={person.id} />
          </Disclosure>
        )}
      </Section>

      <Section id="kk-regular" title={r.regular.title}>
        <Text size="sm" mb="sm" maw={720}>
          {r.regular.intro}
        </Text>
        {pol.regularContact.length === 0 ? (
          <Text size="sm">{r.regular.none}</Text>
        ) : (
          <List spacing="sm">
            {pol.regularContact.map((e) => (
              <List.Item key={e.id}>
                <Stack gap={2}>
                  <Group gap="xs">
                    <Text size="sm" fw={600}>
                      {r.regular.kinds[e.kind] ?? e.kind}
                    </Text>
                    <TextBadge color={e.sufficient ? 'teal' : 'red'}>
                      {e.sufficient ? r.regular.sufficient : r.regular.insufficient}
                    </TextBadge>
                  </Group>
                  <Text size="sm">{e.occurrences.join(', ')}</Text>
                  {e.description && <Text size="sm">{e.description}</Text>}
                  {e.problems.length > 0 && (
                    <Text size="xs" c="red.9">
                      {e.problems.map((p) => r.regular.problems[p] ?? p).join(', ')}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {r.regular.recordedBy} {e.recordedByName ?? '—'} · {formatDate(e.recordedAt, intlLocale)}
                    {e.retractedAt ? ` · ${r.retract.retracted(formatDate(e.retractedAt, intlLocale))}` : ''}
                  </Text>
                  {write && !e.retractedAt && (
                    <RetractForm personId={person.id} kind="regular-contact" evidenceId={e.id} />
                  )}
                </Stack>
              </List.Item>
            ))}
          </List>
        )}
        {write && (
          <Disclosure label={r.regular.add}>
            <RegularContactForm personId={person.id} />
          </Disclosure>
        )}
      </Section>

      <Section id="kk-public" title={r.public.title}>
        <Text size="sm" mb="sm" maw={720}>
          {r.public.intro}
        </Text>
        {pol.publicEvidence.length === 0 ? (
          <Text size="sm">{r.public.none}</Text>
        ) : (
          <List spacing="sm">
            {pol.publicEvidence.map((e) => (
              <List.Item key={e.id}>
                <Stack gap={2}>
                  <Text size="sm" fw={600}>
                    {r.public.acts[e.activeAct] ?? e.activeAct} · {e.topic}
                  </Text>
                  <Text size="sm" component="blockquote" fs="italic">
                    “{e.quote}”
                  </Text>
                  <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                    {e.url}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {r.public.capturedAt} {formatDate(e.capturedAt, intlLocale)} ({e.captureMethod}) ·{' '}
                    {r.public.reviewer} {e.reviewedByName ?? '—'}
                    {e.retractedAt ? ` · ${r.retract.retracted(formatDate(e.retractedAt, intlLocale))}` : ''}
                  </Text>
                  {write && !e.retractedAt && (
                    <RetractForm personId={person.id} kind="public" evidenceId={e.id} />
                  )}
                </Stack>
              </List.Item>
            ))}
          </List>
        )}
        {write && (
          <Disclosure label={r.public.add}>
            <PublicEvidenceForm personId={person.id} />
          </Disclosure>
        )}
      </Section>

      <Section id="kk-consents" title={r.consents.title}>
        {pol.consents.length === 0 ? (
          <Text size="sm">{r.consents.none}</Text>
        ) : (
          <Table withTableBorder>
            <Table.Caption className="kk-visually-hidden">{r.consents.title}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{r.consents.purpose}</Table.Th>
                <Table.Th scope="col">{r.consents.givenAt}</Table.Th>
                <Table.Th scope="col">{r.consents.status}</Table.Th>
                <Table.Th scope="col">{r.consents.reasons}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pol.consents.map((c) => (
                <Table.Tr key={c.consentId}>
                  <Table.Td>
                    {c.purposeName}
                    {c.explicit ? ` (${r.consents.explicit.toLowerCase()})` : ''}
                  </Table.Td>
                  <Table.Td>{formatDate(c.givenAt, intlLocale)}</Table.Td>
                  <Table.Td>
                    <TextBadge color={c.status === 'valid' ? 'teal' : 'red'}>
                      {r.consents.statuses[c.status] ?? c.status}
                    </TextBadge>
                  </Table.Td>
                  <Table.Td>
                    {c.reasons.length === 0
                      ? '—'
                      : c.reasons.map((x) => (
                          <Text key={x.code} size="sm">
                            {locale === 'nl' ? x.nl : x.en}{' '}
                            <Text span size="xs" c="dimmed" ff="monospace">
                              ({x.code})
                            </Text>
                          </Text>
                        ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
    </Stack>
  );
}
