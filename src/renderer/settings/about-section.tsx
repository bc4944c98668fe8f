import { useEffect, useState, type ReactNode } from 'react';
import type { AboutInfo } from '../../shared/about';
import type { SettingsApi } from '../../shared/ipc-contract';
import { updateStatusText, type UpdateStatus } from '../../shared/update-status';
import { settle } from '../bridge';
import { ActionButton } from './forms/action-button';
import { FieldError } from './forms/field';
import { useAction } from './use-action';

export interface AboutSectionProps {
  api: SettingsApi;
  /** The "check for updates automatically" switch, shown with the updates. */
  updatesSwitch?: ReactNode;
}

/** What main says about the app, and where updating stands (its answer first, then every pushed status). */
function useAbout(api: SettingsApi): { about: AboutInfo | null; update: UpdateStatus | null; problem: string | null } {
  const [about, setAbout] = useState<AboutInfo | null>(null);
  const [update, setUpdate] = useState<UpdateStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    void settle(() => api.getAbout()).then((result) => {
      if (!alive) return;
      if (result.ok) {
        setAbout(result.value);
        setUpdate((current) => current ?? result.value.update);
      } else setProblem(result.error.message);
    });
    const stop = api.onUpdate((status) => setUpdate(status));
    return () => {
      alive = false;
      stop();
    };
  }, [api]);
  return { about, update, problem };
}

function AboutFacts({ api, about }: { api: SettingsApi; about: AboutInfo }) {
  const openHomepage = (url: string) => void settle(() => api.openExternal(url)); // eng-disable OPEN_EXTERNAL_JS_CHECK: a bridge call; main opens only the links it builds (src/shared/external-links.ts)
  const facts: [string, ReactNode][] = [
    ['Version', <span data-testid="about-version">{about.version}</span>],
    ['Electron', about.electron],
    ['Chromium', about.chromium],
    ['Node', about.node],
    ['Licence', about.license],
  ];
  const homepage = about.homepage;
  return (
    <>
      <dl className="about-facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        {homepage ? (
          <div>
            <dt>Homepage</dt>
            <dd>
              <a
                href={homepage}
                onClick={(event) => {
                  event.preventDefault();
                  openHomepage(homepage);
                }}
              >
                {homepage}
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
      <p className="hint">{about.copyright}. Market data from Finnhub.</p>
    </>
  );
}

/**
 * About: the version and the runtime's, the licence and homepage, where updating stands (check now,
 * restart to update), the log folder, and the third-party licences the build wrote.
 */
export function AboutSection({ api, updatesSwitch }: AboutSectionProps) {
  const { about, update, problem } = useAbout(api);
  const action = useAction();
  const checking = update?.state === 'checking' || update?.state === 'downloading';
  const canCheck = update !== null && update.state !== 'unsupported' && update.state !== 'ready';

  return (
    <>
      <section className="card about" aria-labelledby="about-app-heading">
        <h3 id="about-app-heading">Ticker</h3>
        {about ? <AboutFacts api={api} about={about} /> : problem === null ? <p className="hint">Loading…</p> : null}
      </section>
      <section className="card" aria-labelledby="updates-heading">
        <h3 id="updates-heading">Updates</h3>
        <p role="status" data-testid="update-status">
          {update && about ? updateStatusText(update, about.version) : ''}
        </p>
        <div className="row">
          {update?.state === 'ready' ? (
            <ActionButton
              variant="primary"
              pending={action.pending}
              onClick={() => void action.run(() => api.restartToUpdate())}
            >
              Restart to update
            </ActionButton>
          ) : (
            <ActionButton
              id="update-check"
              pending={action.pending}
              disabled={checking || !canCheck}
              onClick={() => void action.run(() => api.checkForUpdates())}
            >
              Check for updates
            </ActionButton>
          )}
          {about?.logFolder ? (
            <ActionButton onClick={() => void action.run(() => api.openLogFolder())}>Open log folder</ActionButton>
          ) : null}
        </div>
        {updatesSwitch}
        {about?.logFolder ? <p className="hint">The log is in {about.logFolder}</p> : null}
        <FieldError id="about-error" message={action.error ?? problem} />
      </section>
      <details className="card licences">
        <summary>Third-party licences</summary>
        {about?.thirdParty ? (
          about.thirdParty.map((entry) => (
            <article key={`${entry.name}@${entry.version}`}>
              <h4>
                {entry.name} {entry.version} ({entry.license})
              </h4>
              {entry.text ? <pre>{entry.text}</pre> : null}
            </article>
          ))
        ) : (
          <p className="hint">The licences are written by the build; this copy runs from source.</p>
        )}
      </details>
    </>
  );
}
