/*
 * What seeded people are called and talk about. Names come from many languages (a few
 * with accents, so search and display see them); usernames are their ASCII forms.
 */

/** Items separated by `|` or line breaks. */
const list = (text: string): readonly string[] =>
  text
    .split(/[|\n]/)
    .map((item) => item.trim())
    .filter(Boolean);

export const FIRST_NAMES = list(`
  Ada | Alan | Grace | Linus | Margaret | Dennis | Barbara | Ken | Frances | Edsger | Radia | Tim
  Hedy | John | Katherine | Donald | Sophie | Guido | Yukihiro | Bjarne | Anders | Brendan
  Rasmus | James | Larry | Mary | Karen | Jean | Annie | Dorothy | Evelyn | Joan | Lynn | Shafi
  Leslie | Niklaus | Tony | Robin | Fran | Hal | Zoë | José | Renée | Søren | Chloé | Björn | Ana
  Lucía | Mateo | Camila | Noah | Emma | Liam | Olivia | Mia | Lucas | Amelia | Ethan | Aisha
  Omar | Fatima | Youssef | Leila | Priya | Arjun | Ananya | Rohan | Meera | Vikram | Kavya | Wei
  Mei | Jun | Hana | Yuki | Haruto | Sakura | Min-jun | Seo-yeon | Ji-ho | Olga | Ivan | Dmitri
  Natasha | Katya | Pavel | Agnieszka | Piotr | Zofia | Tomasz | Chiara | Giulia | Marco | Luca
  Francesca | Matteo | Inès | Léa | Hugo | Théo | Lars | Ingrid | Astrid | Magnus | Freya | Sven
  Kwame | Amara | Chidi | Ngozi | Tunde | Zanele | Thabo | Kofi | Ama | Diego | Valentina
  Santiago | Isabela | Rafael | Gabriel | Beatriz | João | Mariana | Tiago | Nora | Elif | Emre
  Zeynep | Can | Maya | Eli | Noa | Ari | Tamar | Sam | Alex | Jordan | Riley | Casey
`);

export const LAST_NAMES = list(`
  Lovelace | Turing | Hopper | Torvalds | Hamilton | Ritchie | Liskov | Thompson | Allen
  Dijkstra | Perlman | Berners-Lee | Lamarr | McCarthy | Johnson | Knuth | Wilson | van Rossum
  Matsumoto | Stroustrup | Hejlsberg | Eich | Lerdorf | Gosling | Wall | Keller | Spärck Jones
  Sammet | Easley | Vaughan | Berezin | Clarke | Conway | Goldwasser | Lamport | Wirth | Hoare
  Milner | Abelson | Sussman | García | Fernández | López | Martínez | Silva | Santos | Oliveira
  Pereira | Costa | Rodrigues | Müller | Schmidt | Schneider | Fischer | Weber | Becker | Hoffmann
  Schäfer | Koch | Richter | Dubois | Lefèvre | Moreau | Laurent | Girard | Rossi | Russo
  Ferrari | Esposito | Bianchi | Nowak | Kowalski | Wiśniewski | Ivanov | Petrov | Smirnova
  Novák | Horváth | Nagy | Popescu | Andersen | Nielsen | Hansen | Johansson | Lindqvist | Larsen
  Virtanen | Korhonen | Ólafsson | Jónsdóttir | Okafor | Adeyemi | Mensah | Nkosi | Dlamini
  Mwangi | Kamau | Haddad | Khalil | Mansour | Yılmaz | Kaya | Demir | Cohen | Levi | Patel
  Sharma | Gupta | Iyer | Reddy | Wang | Li | Zhang | Chen | Liu | Tanaka | Suzuki | Sato
  Watanabe | Kim | Park | Lee | Choi | Nguyen | Tran | Pham | Santoso | Reyes | Cruz | Bautista
  Smith | Brown | Taylor | Walker | White | Harris | Martin | Thompson | Young | King
`);

export const ROLES = list(`
  Backend engineer | Frontend developer | SRE | Data scientist | Designer | Product manager
  Student | Teacher | Researcher | Writer | Photographer | Barista | Nurse | Musician
  Open source maintainer | Security researcher | DBA | Founder | Illustrator | Chef | Climber
  Runner | Gardener | Mathematician | Librarian | Game developer
`);

export const INTERESTS = list(`
  coffee | cycling | distributed systems | sourdough | jazz | chess | hiking | type systems
  birdwatching | PostgreSQL | board games | synths | film photography | tea | sci-fi | poetry
  mechanical keyboards | running | climbing | cats | dogs | retro computing | gardening | cooking
  event sourcing | compilers | accessibility | open data | astronomy | football | knitting | vinyl
`);

export const PLACES = list(`
  Lisbon | Berlin | Nairobi | São Paulo | Tokyo | Seoul | Toronto | Kraków | Lagos | Bengaluru
  Montréal | Zürich | Reykjavík | Mexico City | Melbourne | Istanbul | Helsinki | Cape Town | Oslo
  Buenos Aires | Dublin | Singapore | Austin | Manchester | Lyon | Tel Aviv | Taipei | Accra
`);

export const EMOJI = [
  '☕',
  '🚲',
  '🌱',
  '🎧',
  '📚',
  '🐦',
  '✨',
  '🔥',
  '🙌',
  '🤔',
  '😅',
  '🎉',
  '🧵',
  '🐘',
  '🌧️',
  '🍜',
  '🏔️',
  '💡',
];

/**
 * Hashtags, most popular first: tweets draw them with a Zipf weight, so a few trend and
 * most are rare. Some are not ASCII, as people write them.
 */
export const HASHTAGS = list(`
  typescript | postgres | coffee | javascript | opensource | webdev | rustlang | devops | AI
  photography | music | running | books | cats | python | eventsourcing | café | sourdough
  nodejs | design | a11y | cycling | gamedev | security | climbing | jazz | gardening
  CloudNative | kubernetes | SQL | birding | chess | mondaymotivation | FridayFeeling | WIP | TIL
  hottake | science | space | climate | football | cooking | vinyl | scifi | poetry | München
  São_Paulo | japón | naïve | ñandú | 東京 | café_au_lait | Zürich
`);

export const THINGS = list(`
  a new release | the migration | my side project | a tiny CLI | the docs rewrite | a bug fix
  our new API | a blog post | the benchmark | a talk proposal | the dark mode | a sourdough loaf
  a playlist | the garden beds | a photo series | my first PR | the onboarding guide | a zine
`);

export const OPINIONS = list(`
  tabs are fine, actually | every app should have an offline mode
  naming is still the hardest part | PostgreSQL can do more than you think
  small PRs get better reviews | the best meeting is a short doc
  tests are documentation that cannot lie | most dashboards are never read | boring tech wins
  coffee after 3pm is a mistake | the README is the product | event logs beat audit tables
`);

export const ACTIVITIES = list(`
  still debugging timezones | reading papers on a Sunday | rewriting everything in a weekend
  refreshing the CI page every ten seconds | learning a new keyboard layout
  waiting for the kettle | collecting houseplants faster than they grow
  drawing architecture diagrams on napkins | trying to get a good night of sleep before a release
  watching the deploy like a hawk
`);

export const REACTIONS = list(`
  Mind blown. | Highly recommend. | Thoughts? | More soon. | What a week. | Not bad at all.
  Loving it. | Send help. | Worth it. | Ten out of ten. | Who knew? | Back to work.
`);

export const REPLIES = list(`
  Totally agree! | Great point. | Hmm, not sure about that one. | This made my day 😄 | Same here.
  Source? | Thanks for sharing! | Congrats, well deserved 🎉 | Love this.
  Could not have said it better. | Counterpoint: it depends. | Bookmarking this. | Ha! So true.
  How did you do it? | Following along 👀 | Welcome to the club. | Any write-up of this?
  We hit the same thing last week. | Can confirm.
`);
