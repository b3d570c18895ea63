import { streamOf, type Random } from './random.js';
import { EMOJI, FIRST_NAMES, HASHTAGS, INTERESTS, LAST_NAMES, PLACES, ROLES } from './vocabulary.js';

export interface SeedUser {
  id: string;
  username: string;
  email: string;
  name: string;
  bio?: string;
}

/** Usernames and emails already claimed in the database (their lower-case keys). */
export interface Taken {
  usernames: Set<string>;
  emails: Set<string>;
}

const USERNAME_MAX = 30;
const BIO_MAX = 160;
const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'];

/** Letters a username can hold (the sign-up rule: `A-Z a-z 0-9 _`, 3 to 30). */
function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/ł/g, 'l')
    .replace(/ı/g, 'i')
    .replace(/[^A-Za-z0-9]/g, '');
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** How people pick handles; lower case mostly, CamelCase sometimes. */
function handleFor(random: Random, first: string, last: string): string {
  const f = ascii(first).toLowerCase();
  const l = ascii(last).toLowerCase();
  const shapes = [
    () => `${f}_${l}`,
    () => `${f}${l}`,
    () => `${f}${l.charAt(0)}`,
    () => `${f.charAt(0)}${l}`,
    () => `${l}_${f}`,
    () => `${capitalised(f)}${capitalised(l)}`,
    () => `${f}_codes`,
    () => `the_${f}`,
    () =>
      `${f}_${random
        .pick(INTERESTS)
        .split(' ')[0]!
        .toLowerCase()
        .replace(/[^a-z]/g, '')}`,
  ];
  const handle = random.pick(shapes)().slice(0, USERNAME_MAX);
  return handle.length >= 3 ? handle : `${handle}_${random.between(10, 99)}`;
}

function bioFor(random: Random): string | undefined {
  if (random.chance(0.2)) return undefined;
  const [a, b, c] = [random.pick(INTERESTS), random.pick(INTERESTS), random.pick(INTERESTS)];
  const shapes = [
    () => `${random.pick(ROLES)}. ${capitalised(a)}, ${b} and ${c}. ${random.pick(PLACES)} ${random.pick(EMOJI)}`,
    () => `${random.pick(ROLES)} in ${random.pick(PLACES)}. Into ${a} and #${random.pick(HASHTAGS)}.`,
    () => `${capitalised(a)} enthusiast, ${random.pick(ROLES).toLowerCase()} by day. Opinions my own.`,
    () => `${random.pick(EMOJI)} ${a} · ${b} · ${c}`,
    () => `${random.pick(ROLES)}. Probably thinking about ${a}.`,
  ];
  return [...random.pick(shapes)()].slice(0, BIO_MAX).join('').trim();
}

/**
 * `count` people with unique usernames and emails, none of them already taken. The
 * same seed gives the same people, in the same order, given the same taken names: a
 * clash gets a number drawn from the same random stream.
 */
export function generatePeople(
  seed: string,
  count: number,
  taken: Taken,
  idFor: (index: number) => string,
): SeedUser[] {
  const random = streamOf(seed, 'people');
  const people: SeedUser[] = [];
  for (let i = 0; i < count; i++) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const base = handleFor(random, first, last);
    const domain = random.pick(EMAIL_DOMAINS);
    let username = base;
    for (let digits = 1; ; digits = Math.min(digits + 1, 6)) {
      const key = username.toLowerCase();
      if (!taken.usernames.has(key) && !taken.emails.has(`${key}@${domain}`)) break;
      const suffix = String(random.between(10 ** (digits - 1), 10 ** digits - 1));
      username = `${base.slice(0, USERNAME_MAX - suffix.length)}${suffix}`;
    }
    const email = `${username.toLowerCase()}@${domain}`;
    taken.usernames.add(username.toLowerCase());
    taken.emails.add(email);
    const name = random.chance(0.1) ? first : `${first} ${last}`;
    const bio = bioFor(random);
    people.push({ id: idFor(i), username, email, name, ...(bio ? { bio } : {}) });
  }
  return people;
}
