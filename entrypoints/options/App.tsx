import { AboutSection } from '@/components/options/AboutSection';
import { ModelSection } from '@/components/options/ModelSection';
import { ProfileSection } from '@/components/options/ProfileSection';
import { SamplesSection } from '@/components/options/SamplesSection';
import { SitesSection } from '@/components/options/SitesSection';
import { useCurrentSection } from '@/components/options/use-current-section';
import { YourDataSection } from '@/components/options/YourDataSection';
import { GetStarted } from '@/components/GetStarted';
import { useGetStarted } from '@/components/use-get-started';
import { ToastProvider } from '@/components/design/Toasts';
import { OPTIONS_SECTIONS, type OptionsSectionId } from '@/lib/options/sections';

const SECTION_CONTENT: Record<Exclude<OptionsSectionId, 'get-started'>, () => React.JSX.Element> = {
  profile: ProfileSection,
  samples: SamplesSection,
  sites: SitesSection,
  model: ModelSection,
  'your-data': YourDataSection,
  about: AboutSection,
};

export function App() {
  const started = useGetStarted();
  const sections = OPTIONS_SECTIONS.filter(({ id }) => id !== 'get-started' || (started && !started.done));
  const current = useCurrentSection(sections);
  return (
    <ToastProvider>
      <div className="options-layout">
        <header className="options-header">
          <img src="/icon/32.png" alt="" width={28} height={28} />
          <h1>Idiolect settings</h1>
        </header>
        <nav aria-label="Sections" className="options-nav">
          <ul>
            {sections.map(({ id, title }) => (
              <li key={id}>
                <a href={`#${id}`} aria-current={id === current ? 'location' : undefined}>
                  {title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main className="options-main">
          <GetStarted where="options" id="get-started" />
          {OPTIONS_SECTIONS.map(({ id, title }) => {
            if (id === 'get-started') return null;
            const Content = SECTION_CONTENT[id];
            return (
              <section key={id} id={id} aria-labelledby={`${id}-title`} className="options-section">
                <h2 id={`${id}-title`}>{title}</h2>
                <Content />
              </section>
            );
          })}
        </main>
      </div>
    </ToastProvider>
  );
}
