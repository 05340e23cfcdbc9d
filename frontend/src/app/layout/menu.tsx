import { Link } from 'react-router';
import type { MenuProps } from 'antd';
import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BulbOutlined,
  CrownOutlined,
  EditOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  FlagOutlined,
  GiftOutlined,
  InboxOutlined,
  ShareAltOutlined,
  SolutionOutlined,
  StarOutlined,
  TeamOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { hasCapability, hasRole, type Me } from '@/lib/auth';

type Item = Required<MenuProps>['items'][number];

/** Navigation follows the user's roles and capabilities; the API still decides every action. */
type MenuKey =
  | 'shell.campaigns'
  | 'shell.myInitiatives'
  | 'shell.unitInitiatives'
  | 'shell.reports'
  | 'shell.evaluation'
  | 'shell.mySheets'
  | 'awards.menu'
  | 'awards.nav.mine'
  | 'showcase.menu'
  | 'showcase.tracking.menu'
  | 'records.menu'
  | 'shell.registrations'
  | 'shell.registrationInbox'
  | 'shell.organizations'
  | 'shell.users'
  | 'shell.audit'
  | 'shell.apiDocs';

/** The menu entry a path belongs to: the longest menu key it starts with. */
export function selectedMenuKey(pathname: string): string {
  if (pathname === '/evaluation/sheets' || pathname.startsWith('/evaluation/sheets/')) return '/evaluation/sheets';
  if (pathname === '/registrations/inbox' || pathname.startsWith('/registrations/inbox/')) return '/registrations/inbox';
  if (pathname === '/awards/mine' || pathname.startsWith('/awards/mine/')) return '/awards/mine';
  if (pathname === '/initiatives/mine' || pathname.startsWith('/initiatives/mine/') || pathname === '/initiatives/new') return '/initiatives/mine';
  return '/' + (pathname.split('/')[1] ?? '');
}

/**
 * What the menu cannot tell from roles and capabilities: whether the caller sits on an
 * evaluation committee or organises rounds, and whether they have sheets to score.
 */
export interface MenuData {
  evaluation?: boolean;
  mySheets?: boolean;
}

export function menuItems(me: Me | undefined, t: (k: MenuKey) => string, data: MenuData = {}): Item[] {
  const items: Item[] = [
    { key: '/campaigns', icon: <FlagOutlined />, label: <Link to="/campaigns">{t('shell.campaigns')}</Link> },
    // Everyone signed in takes part: their own initiatives, and those of the units in reach.
    { key: '/initiatives/mine', icon: <BulbOutlined />, label: <Link to="/initiatives/mine">{t('shell.myInitiatives')}</Link> },
    { key: '/initiatives', icon: <UnorderedListOutlined />, label: <Link to="/initiatives">{t('shell.unitInitiatives')}</Link> },
    // Units write reports; the authority receives them: everyone has a reports page.
    { key: '/reports', icon: <FileDoneOutlined />, label: <Link to="/reports">{t('shell.reports')}</Link> },
  ];
  if (data.evaluation) {
    items.push({ key: '/evaluation', icon: <TrophyOutlined />, label: <Link to="/evaluation">{t('shell.evaluation')}</Link> });
  }
  if (data.mySheets) {
    items.push({ key: '/evaluation/sheets', icon: <EditOutlined />, label: <Link to="/evaluation/sheets">{t('shell.mySheets')}</Link> });
  }
  // Awards: unit heads propose, the authority's officers review and decide, administrators see.
  if (hasRole(me, 'unit_head', 'authority_officer', 'admin')) {
    items.push({ key: '/awards', icon: <CrownOutlined />, label: <Link to="/awards">{t('awards.menu')}</Link> });
  }
  // Everyone signed in may have been awarded, as a person or as an initiative's author.
  items.push({ key: '/awards/mine', icon: <GiftOutlined />, label: <Link to="/awards/mine">{t('awards.nav.mine')}</Link> });
  // The public showcase, also from inside; replications for those who register and track them.
  items.push({ key: '/showcase', icon: <StarOutlined />, label: <Link to="/showcase">{t('showcase.menu')}</Link> });
  if (hasRole(me, 'unit_head', 'unit_focal', 'authority_officer', 'admin')) {
    items.push({ key: '/replications', icon: <ShareAltOutlined />, label: <Link to="/replications">{t('showcase.tracking.menu')}</Link> });
  }
  // Ratings and violation records: heads, authority officers and administrators only.
  if (hasRole(me, 'unit_head', 'authority_officer', 'admin')) {
    items.push({ key: '/records', icon: <SolutionOutlined />, label: <Link to="/records/ratings">{t('records.menu')}</Link> });
  }
  if (hasRole(me, 'unit_head', 'unit_focal')) {
    items.push({ key: '/registrations', icon: <FileTextOutlined />, label: <Link to="/registrations">{t('shell.registrations')}</Link> });
  }
  if (hasCapability(me, 'campaigns.extend_deadlines')) {
    items.push({ key: '/registrations/inbox', icon: <InboxOutlined />, label: <Link to="/registrations/inbox">{t('shell.registrationInbox')}</Link> });
  }
  if (hasCapability(me, 'organizations.manage')) {
    items.push({ key: '/organizations', icon: <ApartmentOutlined />, label: <Link to="/organizations">{t('shell.organizations')}</Link> });
  }
  if (hasCapability(me, 'users.view') || hasCapability(me, 'users.manage')) {
    items.push({ key: '/users', icon: <TeamOutlined />, label: <Link to="/users">{t('shell.users')}</Link> });
  }
  if (hasCapability(me, 'audit.view')) {
    items.push({ key: '/audit', icon: <AuditOutlined />, label: <Link to="/audit">{t('shell.audit')}</Link> });
  }
  items.push({
    key: 'api-docs',
    icon: <ApiOutlined />,
    label: (
      <a href="/api/docs" target="_blank" rel="noopener noreferrer">
        {t('shell.apiDocs')}
      </a>
    ),
  });
  return items;
}

