import { useEffect, useState } from 'react';
import { OPTIONS_SECTIONS, sectionOfFragment, type OptionsSectionId } from '@/lib/options/sections';

const PERSON_SCROLLS = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/**
 * Keeps the section a link named at the top while the sections above it are still loading (their
 * content arrives from live queries and would push it down), until the person scrolls themselves.
 */
function pinToSection(id: string, onRelease: () => void): () => void {
  const bringIntoView = () => document.getElementById(id)?.scrollIntoView();
  bringIntoView();
  const growth = new ResizeObserver(bringIntoView);
  growth.observe(document.body);
  const release = () => {
    growth.disconnect();
    onRelease();
    for (const event of PERSON_SCROLLS) removeEventListener(event, release);
  };
  for (const event of PERSON_SCROLLS) addEventListener(event, release, { once: true, passive: true });
  return release;
}

/**
 * Brings the section the address names into view (also when a link or Back changes the fragment)
 * and follows the scroll, so the navigation can mark where the person is. A section the person
 * went to stays the current one until they scroll, even one too near the end to reach the top.
 */
export function useCurrentSection(shown: readonly { id: OptionsSectionId }[]): OptionsSectionId {
  const [section, setSection] = useState<OptionsSectionId>(() => sectionOfFragment(location.hash) ?? OPTIONS_SECTIONS[0].id);
  useEffect(() => {
    let pinned = false;
    let release = () => undefined as void;
    const goToFragment = () => {
      const named = sectionOfFragment(location.hash);
      if (!named) return;
      release();
      setSection(named);
      pinned = true;
      release = pinToSection(named, () => (pinned = false));
    };
    goToFragment();
    addEventListener('hashchange', goToFragment);
    const visible = new Set<string>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) entry.isIntersecting ? visible.add(entry.target.id) : visible.delete(entry.target.id);
        const topmost = shown.find(({ id }) => visible.has(id));
        if (topmost && !pinned) setSection(topmost.id);
      },
      { rootMargin: '0px 0px -60% 0px' },
    );
    for (const { id } of shown) {
      const element = document.getElementById(id);
      if (element) observer.observe(element);
    }
    return () => {
      release();
      removeEventListener('hashchange', goToFragment);
      observer.disconnect();
    };
  }, [shown.map(({ id }) => id).join()]);
  return section;
}
