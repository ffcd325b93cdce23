import { Alert, Button, Group, Table, Text } from '@mantine/core';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { usePersons } from './api';

export function PersonsPage() {
  const { t } = useI18n();
  const persons = usePersons();
  const rows = persons.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageTitle>{t.persons.title}</PageTitle>
      <Text mb="xs">{t.persons.intro}</Text>
      <Alert variant="light" color="indigo" mb="lg" maw={720}>
        <Text size="sm">{t.persons.auditNote}</Text>
      </Alert>

      {persons.isPending && <Loading />}
      {persons.isError && !persons.isFetchNextPageError && <ErrorAlert error={persons.error} />}

      {persons.isSuccess && rows.length === 0 && <Text c="dimmed">{t.persons.empty}</Text>}

      {rows.length > 0 && (
        <>
          <Table striped highlightOnHover withTableBorder>
            <Table.Caption className="kk-visually-hidden">{t.persons.caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.persons.name}</Table.Th>
                <Table.Th scope="col">{t.persons.branch}</Table.Th>
                <Table.Th scope="col">{t.persons.postcode}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((person) => (
                <Table.Tr key={person.id}>
                  <Table.Td>{person.displayName}</Table.Td>
                  <Table.Td>{person.branchName ?? t.persons.none}</Table.Td>
                  <Table.Td>{person.postcode ?? t.persons.none}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="space-between" mt="md">
            <Text size="sm" c="dimmed" aria-live="polite">
              {t.persons.shown(rows.length)}
            </Text>
            {persons.hasNextPage && (
              <Button
                variant="default"
                onClick={() => persons.fetchNextPage()}
                loading={persons.isFetchingNextPage}
              >
                {t.persons.loadMore}
              </Button>
            )}
          </Group>
          {persons.isFetchNextPageError && <ErrorAlert error={persons.error} />}
        </>
      )}
    </>
  );
}
