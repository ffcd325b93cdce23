import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api';

export interface PersonRow {
  id: string;
  displayName: string;
  branchName: string | null;
  postcode: string | null;
}

interface PersonPage {
  items: PersonRow[];
  next: string | null;
}

const PAGE_SIZE = 50;
/** The purpose every list view states; the server records it with each audited read. */
const PURPOSE = 'overzicht';

export function usePersons() {
  return useInfiniteQuery({
    queryKey: ['persons', PURPOSE],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE), purpose: PURPOSE });
      if (pageParam !== null) params.set('after', pageParam);
      return api<PersonPage>('GET', `/api/v1/persons?${params}`);
    },
    getNextPageParam: (last) => last.next ?? undefined,
    // Every fetch is an audited read: never refetch behind the user's back. And personal data does not
    // linger in memory once the page is left; coming back is a new, audited view.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}
