import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';

/** Typing "/" anywhere but in a field jumps to the search box, as on most sites with one. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function SearchBox() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const onSearchPage = pathname === '/search';
  const [q, setQ] = useState(onSearchPage ? (params.get('q') ?? '') : '');
  const input = useRef<HTMLInputElement>(null);

  // The box says what the search page shows, also after Back or a link: adjusted while
  // rendering when the page's query changes, rather than one render late in an effect.
  const shownQ = onSearchPage ? (params.get('q') ?? '') : null;
  const [lastShownQ, setLastShownQ] = useState(shownQ);
  if (shownQ !== lastShownQ) {
    setLastShownQ(shownQ);
    if (shownQ !== null) setQ(shownQ);
  }

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const query = q.trim();
    if (!query) return;
    const type = onSearchPage && params.get('type') === 'users' ? 'users' : 'tweets';
    navigate(`/search?${new URLSearchParams({ q: query, type })}`);
  }

  return (
    <form role="search" className="search-box" onSubmit={submit}>
      <label htmlFor="site-search" className="visually-hidden">
        Search
      </label>
      <input
        ref={input}
        id="site-search"
        type="search"
        name="q"
        value={q}
        onChange={(event) => setQ(event.target.value)}
        placeholder="Search Starling ( / )"
        aria-keyshortcuts="/"
        autoComplete="off"
        enterKeyHint="search"
      />
    </form>
  );
}
