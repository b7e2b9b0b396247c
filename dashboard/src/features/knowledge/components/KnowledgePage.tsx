import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import { useCurrentUser } from '../../../lib/session';
import { notify } from '../../../lib/toast';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import {
  type Article,
  type ArticleInput,
  deleteArticle,
  fetchArticles,
  knowledgeKeys,
  saveArticle,
} from '../api';
import { useKnowledgeT } from '../use-knowledge-t';
import { ArticleEditor } from './ArticleEditor';

/** The knowledge-base editor: articles with their languages; admins and supervisors edit. */
export function KnowledgePage() {
  const t = useKnowledgeT();
  const { i18n } = useTranslation();
  const client = useQueryClient();
  const me = useCurrentUser();
  const canEdit = me?.role === 'admin' || me?.role === 'supervisor';
  const { data: articles = [] } = useQuery({
    queryKey: knowledgeKeys.articles,
    queryFn: ({ signal }) => fetchArticles(signal),
  });
  // null: the list; 'new': a new article; else the article being edited.
  const [editing, setEditing] = useState<Article | 'new' | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: knowledgeKeys.articles });
  const report = (error: unknown) => notify(error instanceof ApiError ? error.message : String(error));

  const save = async (input: ArticleInput) => {
    try {
      await saveArticle(editing === 'new' || editing === null ? null : editing.id, input);
      notify(t('saved'), 'info');
      setEditing(null);
      await refresh();
    } catch (error) {
      report(error);
    }
  };
  const remove = async (article: Article) => {
    try {
      await deleteArticle(article.id);
      notify(t('deleted'), 'info');
      await refresh();
    } catch (error) {
      report(error);
    }
  };

  return (
    <div className="sl-kb-page">
      <header className="sl-kb-page__head">
        <h1>{t('editor')}</h1>
        {canEdit && editing === null ? (
          <Button variant="primary" onClick={() => setEditing('new')}>
            {t('newArticle')}
          </Button>
        ) : null}
      </header>
      {!canEdit ? <p className="sl-muted">{t('readOnly')}</p> : null}
      {editing !== null ? (
        <ArticleEditor
          key={editing === 'new' ? 'new' : editing.id}
          article={editing === 'new' ? null : editing}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      ) : articles.length === 0 ? (
        <EmptyState title={t('noArticles')} />
      ) : (
        <ul className="sl-kb-list">
          {articles.map((article) => {
            const version =
              article.translations.find((v) => v.language === i18n.language) ?? article.translations[0];
            return (
              <li key={article.id} className="sl-kb-list__item">
                <div>
                  <strong>{version?.title}</strong>
                  <div className="sl-kb-list__meta">
                    <Badge tone="accent">{t(`cat.${article.category}`)}</Badge>
                    {article.errorCodes.map((code) => (
                      <Badge key={code} tone="outline">
                        {code}
                      </Badge>
                    ))}
                    <span className="sl-muted" title={t('languages')}>
                      {article.translations.map((v) => v.language.toUpperCase()).join(' · ')}
                    </span>
                  </div>
                </div>
                {canEdit ? (
                  <div className="sl-kb-list__actions">
                    <Button size="sm" onClick={() => setEditing(article)}>
                      {t('edit')}
                    </Button>
                    <Button size="sm" variant="danger" onClick={() => void remove(article)}>
                      {t('delete')}
                    </Button>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
