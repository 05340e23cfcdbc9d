import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Form } from 'antd';
import { I18nextProvider } from 'react-i18next';
import i18n, { changeLanguage } from '@/i18n';
import { AuthorsEditor } from './AuthorsEditor';

const options = [
  { value: 'u1', label: 'Trần Thị Ngọc Lan — Giáo viên' },
  { value: 'u2', label: 'Huỳnh Ngọc Trâm — Giáo viên' },
];

function renderEditor(authors: { user_id: string; contribution_pct: number }[], onFinish = vi.fn()) {
  render(
    <I18nextProvider i18n={i18n}>
      <Form initialValues={{ authors }} onFinish={onFinish}>
        <AuthorsEditor options={options} />
        <Button htmlType="submit">Gửi</Button>
      </Form>
    </I18nextProvider>,
  );
  return onFinish;
}

describe('AuthorsEditor', () => {
  beforeEach(async () => {
    await changeLanguage('vi');
  });

  it('shows the running total and refuses a total other than 100', async () => {
    const user = userEvent.setup();
    const onFinish = renderEditor([
      { user_id: 'u1', contribution_pct: 60 },
      { user_id: 'u2', contribution_pct: 30 },
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('Tổng tỷ lệ đóng góp: 90%');

    await user.click(screen.getByRole('button', { name: 'Gửi' }));
    expect(await screen.findByText('Tổng tỷ lệ đóng góp của các tác giả phải bằng 100% (hiện là 90%).')).toBeInTheDocument();
    expect(onFinish).not.toHaveBeenCalled();

    const second = screen.getByRole('spinbutton', { name: 'Tỷ lệ đóng góp (%) 2' });
    await user.clear(second);
    await user.type(second, '40');
    expect(screen.getByRole('status')).toHaveTextContent('Tổng tỷ lệ đóng góp: 100%');
    // The refusal goes away as soon as the shares add up.
    await vi.waitFor(() => expect(screen.queryByText(/phải bằng 100%/)).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Gửi' }));
    await vi.waitFor(() => expect(onFinish).toHaveBeenCalledTimes(1));
    expect(onFinish.mock.calls[0]![0]).toEqual({
      authors: [
        { user_id: 'u1', contribution_pct: 60 },
        { user_id: 'u2', contribution_pct: 40 },
      ],
    });
  }, 20_000);

  it('suggests what is left when an author is added', async () => {
    const user = userEvent.setup();
    renderEditor([{ user_id: 'u1', contribution_pct: 70 }]);
    await user.click(screen.getByRole('button', { name: 'Thêm tác giả' }));
    expect(screen.getByRole('spinbutton', { name: 'Tỷ lệ đóng góp (%) 2' })).toHaveValue('30');
    expect(screen.getByRole('status')).toHaveTextContent('Tổng tỷ lệ đóng góp: 100%');
    // Two people listed: there is no one else to add.
    expect(screen.getByRole('button', { name: 'Thêm tác giả' })).toBeDisabled();
  }, 20_000);
});
