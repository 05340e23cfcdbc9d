import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/api/client';
import { changeLanguage } from '@/i18n';
import { jsonResponse, problemResponse, renderPage } from '@/test/render';
import type { Campaign } from '../api/campaigns';
import { CampaignEditModal } from './CampaignEditModal';

const campaign = {
  id: 'c1',
  code: '175/KH-UBND',
  title: 'Phát động phong trào thi đua về cải cách hành chính',
  year: 2023,
  theme: null,
  issued_on: '2023-04-26',
  organization: { id: 'o1', code: 'Q1', name: 'Ủy ban nhân dân Quận 1' },
  parent_campaign: null,
  status: 'open',
  content_items: [],
  acceptance_evidence: [['implementation_plan'], ['data', 'photo']],
  milestones: [],
  extensions: [],
  created_at: '2023-04-26T00:00:00Z',
  updated_at: '2023-04-26T00:00:00Z',
  etag: '"c1.3"',
  allowed_actions: ['update'],
} satisfies Campaign;

describe('CampaignEditModal', () => {
  beforeEach(async () => {
    session.clear();
    await changeLanguage('vi');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows the acceptance requirements and sends them with a new one, with the etag', async () => {
    const sent: { body: unknown; ifMatch: string | null }[] = [];
    vi.stubGlobal('fetch', async (req: Request) => {
      const path = `${req.method} ${new URL(req.url).pathname}`;
      if (path === 'PATCH /api/v1/campaigns/c1') {
        sent.push({ body: await req.json(), ifMatch: req.headers.get('If-Match') });
        return jsonResponse(200, campaign);
      }
      return problemResponse(401, { code: 'unauthorized' });
    });
    const onClose = vi.fn();
    renderPage(<CampaignEditModal campaign={campaign} onClose={onClose} />);

    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Minh chứng bắt buộc khi nghiệm thu')).toBeInTheDocument();
    expect(within(dialog).getByText('Kế hoạch triển khai')).toBeInTheDocument();
    expect(within(dialog).getByText('Số liệu')).toBeInTheDocument();
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    // A third requirement: a product.
    await user.click(within(dialog).getByRole('button', { name: /Thêm yêu cầu/ }));
    await within(dialog).findByRole('combobox', { name: 'Yêu cầu 3' });
    // Removed again, and added back.
    const removes = within(dialog)
      .getAllByRole('button', { name: 'Xóa' })
      .filter((b) => b.querySelector('.anticon-delete'));
    const [, , lastRemove] = removes;
    expect(removes).toHaveLength(3);
    if (!lastRemove) throw new Error('no remove button for requirement 3');
    await user.click(lastRemove);
    await waitFor(() => expect(within(dialog).queryByRole('combobox', { name: 'Yêu cầu 3' })).toBeNull());
    await user.click(within(dialog).getByRole('button', { name: /Thêm yêu cầu/ }));
    const third = await within(dialog).findByRole('combobox', { name: 'Yêu cầu 3' });
    await user.click(third);
    await user.click(await screen.findByTitle('Sản phẩm'));
    await user.click(within(dialog).getByRole('button', { name: /Lưu/ }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent.at(0)?.ifMatch).toBe('"c1.3"');
    expect(sent.at(0)?.body).toMatchObject({ acceptance_evidence: [['implementation_plan'], ['data', 'photo'], ['product']] });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  }, 20_000);
});
