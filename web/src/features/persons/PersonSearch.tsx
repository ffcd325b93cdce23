import { Alert, Anchor, Button, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { linkTo } from '../../router';
import { useSession } from '../auth/session';
import { useBranches, usePersonSearch } from './api';

/** Search within scope: one field that understands names, e-mail, phone and postcode; keyset "load more". */
export function PersonSearch() {
  const { t } = useI18n();
  const r = t.register;
  const session = useSession();
  const canWrite = session.data?.user?.permissions.includes('person:write') ?? false;
  const branches = useBranches();
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');
  const [branchId, setBranchId] = useState('');
  const persons = usePersonSearch(query, branchId);
  const rows = persons.data?.pages.flatMap((page) => page.items) ?? [];
  const searchedBy = persons.data?.pages[0]?.searchedBy ?? null;

  function submit(event: FormEvent) {
    event.preventDefault();
    setQuery(draft.trim());
  }

  return (
    <>
      <PageTitle>{r.title}</PageTitle>
      <Text mb="xs">{r.intro}</Text>
      <Alert variant="light" color="indigo" mb="lg" maw={720}>
        <Text size="sm">{r.auditNote}</Text>
      </Alert>

      <search aria-label={r.search.label}>
        <form onSubmit={submit}>
          <Group align="flex-end" mb="md" wrap="wrap">
            <TextInput
              label={r.search.label}
              description={r.search.hint}
              value={draft}
              maxLength={200}
              onChange={(e) => setDraft(e.currentTarget.value)}
              w={{ base: '100%', sm: 420 }}
            />
            <NativeSelect
              label={r.search.branch}
              value={branchId}
              onChange={(e) => setBranchId(e.currentTarget.value)}
              data={[
                { value: '', label: r.search.allBranches },
                ...(branches.data?.items ?? []).map((b) => ({ value: b.id, label: b.name })),
              ]}
            />
            <Button type="submit">{r.search.submit}</Button>
            {query !== '' && (
              <Button
                variant="subtle"
                onClick={() => {
                  setDraft('');
                  setQuery('');
                }}
              >
                {r.search.clear}
              </Button>
            )}
            {canWrite && (
              <Button
                component="a"
                href="/personen/nieuw"
                onClick={linkTo('/personen/nieuw')}
                variant="light"
                ml="auto"
              >
                {r.search.newPerson}
              </Button>
            )}
          </Group>
        </form>
      </search>

      {persons.isPending && <Loading />}
      {persons.isError && !persons.isFetchNextPageError && <ErrorAlert error={persons.error} />}
      {searchedBy && (
        <Text size="sm" c="dimmed" mb="xs">
          {r.search.by[searchedBy]}
        </Text>
      )}
      {persons.isSuccess && rows.length === 0 && <Text c="dimmed">{r.search.empty}</Text>}

      {rows.length > 0 && (
        <>
          <Table striped highlightOnHover withTableBorder>
            <Table.Caption className="kk-visually-hidden">{r.search.caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{r.search.name}</Table.Th>
                <Table.Th scope="col">{r.search.branchColumn}</Table.Th>
                <Table.Th scope="col">{r.search.postcode}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((person) => (
                <Table.Tr key={person.id}>
                  <Table.Td>
                    <Anchor href={`/personen/${person.id}`} onClick={linkTo(`/personen/${person.id}`)}>
                      {person.displayName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{person.branchName ?? r.search.none}</Table.Td>
                  <Table.Td>{person.postcode ?? r.search.none}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="space-between" mt="md">
            <Text size="sm" c="dimmed" aria-live="polite">
              {r.search.shown(rows.length)}
            </Text>
            {persons.hasNextPage && (
              <Button
                variant="default"
                onClick={() => persons.fetchNextPage()}
                loading={persons.isFetchingNextPage}
              >
                {r.search.loadMore}
              </Button>
            )}
          </Group>
          {persons.isFetchNextPageError && <ErrorAlert error={persons.error} />}
        </>
      )}
    </>
  );
}
