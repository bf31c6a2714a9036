import type { App } from '../app.ts';
import type { AboutInfo } from './context.ts';

/** What /about lists: the active version and its documents, without the list of what the reports lack. */
export async function aboutOf(app: App): Promise<AboutInfo> {
  const version = await app.versions.active();
  if (!version) return { version: undefined, documents: [] };
  const documents = await app.versions.documents(version.id);
  return {
    version: version.label,
    documents: documents
      .filter((d) => d.kind !== 'gaps')
      .map((d) => ({ title: d.title, status: d.status, edition: d.versionLabel, language: d.language })),
  };
}
