import { AboutAndLicences } from '../AboutAndLicences';

export function AboutSection() {
  return (
    <div className="surface">
      <AboutAndLicences />
    </div>
  );
}
