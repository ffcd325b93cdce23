/** Hand-made observations for the classification and report tests. */
import type {
  ObservedCookie,
  ObservedRequest,
  ObservedStorage,
  PageObservation,
  Phase,
} from '../../../src/scanner/types.js';

export const STARTED_AT = '2026-11-23T12:00:00.000Z';
export const NOW_S = Date.parse(STARTED_AT) / 1000;
export const DAY_S = 86_400;

export function request(url: string, o: Partial<ObservedRequest> = {}): ObservedRequest {
  const u = new URL(url);
  return {
    phase: 'initial',
    url,
    host: u.hostname,
    path: u.pathname,
    method: 'GET',
    resourceType: 'script',
    initiator: 'https://partij.example/',
    frameUrl: 'https://partij.example/',
    thirdParty: !u.hostname.endsWith('partij.example'),
    status: 200,
    responseBytes: 1000,
    beaconLike: false,
    ...o,
  };
}

export function cookie(name: string, o: Partial<ObservedCookie> = {}): ObservedCookie {
  return {
    phase: 'initial',
    name,
    domain: '.partij.example',
    path: '/',
    expires: -1,
    httpOnly: false,
    secure: true,
    sameSite: 'Lax',
    thirdParty: false,
    valueLength: 8,
    setBy: { kind: 'script', url: 'https://partij.example/app.js' },
    ...o,
  };
}

export function storage(key: string, o: Partial<ObservedStorage> = {}): ObservedStorage {
  return {
    phase: 'initial',
    kind: 'localStorage',
    origin: 'https://partij.example',
    key,
    valueLength: 10,
    ...o,
  };
}

export function observation(o: Partial<PageObservation> = {}): PageObservation {
  const phases: Phase[] = ['initial', 'after_accept', 'after_reject'];
  return {
    url: 'https://partij.example/',
    finalUrl: 'https://partij.example/',
    status: 200,
    startedAt: STARTED_AT,
    seconds: 2.345,
    phasesRun: phases,
    banner: { found: true, note: 'button "Accepteren"', acceptClicked: true, rejectClicked: true },
    requests: [],
    cookies: [],
    storage: [],
    frames: [],
    links: [],
    screenshots: {},
    problems: [],
    ...o,
  };
}
