import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/api/client';
import { changeLanguage } from '@/i18n';
import { jsonResponse, problemResponse, renderPage } from '@/test/render';
import type { ShowcaseModel } from '../api/showcase';
import { me, model, orgs, replication, tree } from './fixtures.test-data';
import ShowcaseModelPage from './ShowcaseModelPage';

const ALREADY = 'Đơn vị đã đăng ký nhân rộng mô hình này.';

/** The model page of a unit head of Bến Thành (or `who`); `answer` is what POST /replications says. */
function stubApi(answer: (body: Record<string, unknown>) => Response, who = me([{ role: 'unit_head', organization_id: orgs.benthanh.id }])) {
  const posted: Record<string, unknown>[] = [];
  let view: ShowcaseModel = model();
  vi.stubGlobal('fetch', async (req: Request) => {
    const key = `${req.method} ${new URL(req.url).pathname}`;
    switch (key) {
      case 'GET /api/v1/showcase/m1':
        return jsonResponse(200, view);
      case 'GET /api/v1/me':
        return jsonResponse(200, who);
      case 'GET /api/v1/organizations/tree':
        return jsonResponse(200, tree);
      case 'POST /api/v1/replications': {
        const body = (await req.json()) as Record<string, unknown>;
        posted.push(body);
        const res = answer(body);
        if (res.status === 201) {
          // The model's page now lists the unit where it spreads.
          view = model({
            replications: [
              ...model().replications,
              { unit: orgs.benthanh.name, organization_id: orgs.benthanh.id, status: 'planned', planned_from: '2024-01-01', planned_to: '2024-03-31', period_label_vi: 'Quý I năm 2024', period_label_en: 'Q1 2024' },
            ],
          });
        }
        return res;
      }
      default:
        return problemResponse(404, { code: 'not_found' });
    }
  });
  return posted;
}

async function openForm() {
  session.setToken('tok');
  renderPage(<ShowcaseModelPage />, { path: '/showcase/:modelId', route: '/showcase/m1' });
  const user = userEvent.setup({ pointerEventsCheck: 0 });
  await user.click(await screen.findByRole('button', { name: /Đăng ký nhân rộng/ }));
  const dialog = await screen.findByRole('dialog');
  return { user, dialog };
}

/** The quarter helper: year, then "Quý I". */
async function pickQuarter(user: ReturnType<typeof userEvent.setup>, dialog: HTMLElement, year: string, quarter: string) {
  fireEvent.change(within(dialog).getByRole('spinbutton', { name: 'Năm' }), { target: { value: year } });
  fireEvent.blur(within(dialog).getByRole('spinbutton', { name: 'Năm' }));
  await user.click(within(dialog).getByText(quarter));
}

const dateInput = (dialog: HTMLElement, label: string) =>
  within(dialog).getByText(label, { selector: 'label' }).closest('.ant-form-item')!.querySelector('input') as HTMLInputElement;

describe('ReplicationFormModal', () => {
  beforeEach(async () => {
    session.clear();
    await changeLanguage('vi');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('fills the period from a quarter, checks the figures, registers, and the page shows the unit where it spreads', async () => {
    const posted = stubApi(() => jsonResponse(201, replication()));
    const { user, dialog } = await openForm();

    // The adopting unit starts as the caller's own.
    await waitFor(() => expect(within(dialog).getByText(orgs.benthanh.name)).toBeInTheDocument());

    await pickQuarter(user, dialog, '2024', 'Quý I');
    expect(dateInput(dialog, 'Từ ngày')).toHaveValue('01/01/2024');
    expect(dateInput(dialog, 'Đến ngày')).toHaveValue('31/03/2024');
    // Another quarter moves both ends.
    await user.click(within(dialog).getByText('Quý III'));
    expect(dateInput(dialog, 'Từ ngày')).toHaveValue('01/07/2024');
    expect(dateInput(dialog, 'Đến ngày')).toHaveValue('30/09/2024');
    await user.click(within(dialog).getByText('Quý I'));

    await user.type(within(dialog).getByRole('textbox', { name: 'Nội dung điều chỉnh cho phù hợp với đơn vị' }), 'Dùng nhóm Zalo của lớp');

    // A figure without its name is refused before anything is sent.
    await user.click(within(dialog).getByRole('button', { name: /Thêm chỉ số/ }));
    await user.type(within(dialog).getByRole('spinbutton', { name: 'Giá trị trước của chỉ số 1' }), '48');
    await user.click(within(dialog).getByRole('button', { name: 'Đăng ký' }));
    expect(await within(dialog).findByText('Cần nhập tên chỉ số.')).toBeInTheDocument();
    expect(posted).toHaveLength(0);

    await user.type(within(dialog).getByRole('textbox', { name: 'Tên chỉ số 1' }), 'Thời gian trả lời phụ huynh');
    await user.type(within(dialog).getByRole('textbox', { name: 'Đơn vị tính của chỉ số 1' }), 'giờ');
    await user.click(within(dialog).getByRole('button', { name: 'Đăng ký' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({
      model_id: 'm1',
      organization_id: orgs.benthanh.id,
      planned_from: '2024-01-01',
      planned_to: '2024-03-31',
      adaptation_notes: 'Dùng nhóm Zalo của lớp',
      figures: [{ label: 'Thời gian trả lời phụ huynh', unit: 'giờ', before: 48 }],
    });

    // The dialog closes; "Nơi nhân rộng" now lists Bến Thành, planned for Quarter I 2024.
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText(`Đã đăng ký nhân rộng mô hình tại ${orgs.benthanh.name}.`)).toBeInTheDocument();
    const spread = screen.getByRole('table', { name: 'Nơi nhân rộng' });
    const row = (await within(spread).findByText(orgs.benthanh.name)).closest('tr') as HTMLElement;
    expect(within(row).getByText('Đã lên kế hoạch')).toBeInTheDocument();
    expect(within(row).getByText('Quý I năm 2024')).toBeInTheDocument();
  }, 60_000);

  it('shows why the API refuses: the unit already replicates the model (409)', async () => {
    const posted = stubApi(() => problemResponse(409, { code: 'already_replicating', message_vi: ALREADY, message_en: 'The unit already replicates this model.' }));
    const { user, dialog } = await openForm();
    await waitFor(() => expect(within(dialog).getByText(orgs.benthanh.name)).toBeInTheDocument());
    await pickQuarter(user, dialog, '2024', 'Quý II');
    await user.click(within(dialog).getByRole('button', { name: 'Đăng ký' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ planned_from: '2024-04-01', planned_to: '2024-06-30', figures: [] });
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(ALREADY);
    // The dialog stays open with what was typed.
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  }, 60_000);

  it('puts a field error (own model) on the unit', async () => {
    const OWN = 'Đơn vị không nhân rộng mô hình của chính mình.';
    stubApi(() => problemResponse(422, { code: 'own_model', message_vi: OWN, errors: [{ field: 'organization_id', code: 'own_model', message: OWN }] }));
    const { user, dialog } = await openForm();
    await waitFor(() => expect(within(dialog).getByText(orgs.benthanh.name)).toBeInTheDocument());
    await pickQuarter(user, dialog, '2024', 'Quý I');
    await user.click(within(dialog).getByRole('button', { name: 'Đăng ký' }));
    const unitField = within(dialog).getByText('Đơn vị áp dụng', { selector: 'label' }).closest('.ant-form-item') as HTMLElement;
    expect(await within(unitField).findByText(OWN)).toBeInTheDocument();
  }, 60_000);

  it('never offers the model’s own unit: its head starts with no unit and must choose another', async () => {
    const posted = stubApi(() => jsonResponse(201, replication()), me([{ role: 'unit_head', organization_id: orgs.cogiang.id }], orgs.cogiang));
    const { user, dialog } = await openForm();
    const unitField = within(dialog).getByText('Đơn vị áp dụng', { selector: 'label' }).closest('.ant-form-item') as HTMLElement;
    // Cô Giang's model: Cô Giang is not the starting unit…
    expect(within(unitField).queryByText(orgs.cogiang.name)).not.toBeInTheDocument();
    // …and its entry in the tree cannot be chosen.
    await user.click(within(unitField).getByRole('combobox', { name: 'Đơn vị áp dụng' }));
    const own = await screen.findByTitle(orgs.cogiang.name);
    expect(own.closest('.ant-select-tree-treenode')).toHaveClass('ant-select-tree-treenode-disabled');
    await user.click(own);
    // Clicking it chooses nothing: the form still wants a unit, and sends nothing.
    await pickQuarter(user, dialog, '2024', 'Quý I');
    await user.click(within(dialog).getByRole('button', { name: 'Đăng ký' }));
    expect(await within(unitField).findByText('Trường này là bắt buộc.')).toBeInTheDocument();
    expect(posted).toHaveLength(0);
  }, 60_000);

  it('lets an authority register a unit below it, but not the model’s own', async () => {
    const posted = stubApi(() => jsonResponse(201, replication({ organization: orgs.tandinh })), me([{ role: 'authority_officer', organization_id: orgs.q1.id }], orgs.q1));
    const { user, dialog } = await openForm();
    const unitField = within(dialog).getByText('Đơn vị áp dụng', { selector: 'label' }).closest('.ant-form-item') as HTMLElement;
    await user.click(within(unitField).getByRole('combobox', { name: 'Đơn vị áp dụng' }));
    expect((await screen.findByTitle(orgs.cogiang.name)).closest('.ant-select-tree-treenode')).toHaveClass('ant-select-tree-treenode-disabled');
    const tandinh = screen.getByTitle(orgs.tandinh.name);
    expect(tandinh.closest('.ant-select-tree-treenode')).not.toHaveClass('ant-select-tree-treenode-disabled');
    await user.click(tandinh);
    await pickQuarter(user, dialog, '2024', 'Quý II');
    await user.click(within(dialog).getByRole('button', { name: 'Đăng ký' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ model_id: 'm1', organization_id: orgs.tandinh.id });
  }, 60_000);
});
