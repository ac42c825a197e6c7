import { useEffect, useState } from 'react';
import { OPTIONS_SECTIONS, sectionOfFragment, type OptionsSectionId } from '@/lib/options/sections';

/**
 * Brings the section the address names into view (also when a link or Back changes the fragment)
 * and follows the scroll, so the navigation can mark where the person is.
 */
export function useCurrentSection(shown: readonly { id: OptionsSectionId }[]): OptionsSectionId {
  const [section, setSection] = useState<OptionsSectionId>(() => sectionOfFragment(location.hash) ?? OPTIONS_SECTIONS[0].id);
  useEffect(() => {
    const goToFragment = () => {
      const named = sectionOfFragment(location.hash);
      if (!named) return;
      setSection(named);
      document.getElementById(named)?.scrollIntoView();
    };
    goToFragment();
    addEventListener('hashchange', goToFragment);
    const visible = new Set<string>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) entry.isIntersecting ? visible.add(entry.target.id) : visible.delete(entry.target.id);
        const topmost = shown.find(({ id }) => visible.has(id));
        if (topmost) setSection(topmost.id);
      },
      { rootMargin: '0px 0px -60% 0px' },
    );
    for (const { id } of shown) {
      const element = document.getElementById(id);
      if (element) observer.observe(element);
    }
    return () => {
      removeEventListener('hashchange', goToFragment);
      observer.disconnect();
    };
  }, [shown.map(({ id }) => id).join()]);
  return section;
}
