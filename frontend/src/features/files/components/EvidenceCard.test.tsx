import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/api/client';
import { changeLanguage } from '@/i18n';
import { jsonResponse, problemResponse, renderPage } from '@/test/render';
import type { EvidenceFile } from '../api/files';
import { EvidenceCard } from './EvidenceCard';

type Handler = (req: Request) => Response | Promise<Response>;

function stubApi(routes: Record<string, Handler>) {
  const seen: Request[] = [];
  vi.stubGlobal('fetch', async (input: Request) => {
    seen.push(input.clone());
    const handler = routes[`${input.method} ${new URL(input.url).pathname}`];
    return handler ? handler(input) : problemResponse(404, { code: 'not_found' });
  });
  return seen;
}

const file = (over: Partial<EvidenceFile> = {}): EvidenceFile => ({
  id: 'f1',
  original_name: 'Kế hoạch triển khai số hóa.pdf',
  category: 'implementation_plan',
  media_type: 'application/pdf',
  size_bytes: 1_258_291, // 1.2 MiB
  sha256: 'ab'.repeat(32),
  organization_id: 'o1',
  initiative_id: 'i1',
  uploaded_by: { id: 'u1', display_name: 'Trần Thị Hạnh' },
  created_at: '2023-05-20T03:30:00Z',
  locked: false,
  download_url: '/api/v1/files/f1/content',
  allowed_actions: ['delete'],
  ...over,
});

const photo = file({
  id: 'f2',
  original_name: 'Ảnh hội nghị.jpg',
  category: 'photo',
  media_type: 'image/jpeg',
  size_bytes: 2048,
  locked: true,
  allowed_actions: [],
  download_url: '/api/v1/files/f2/content',
});

/** A stand-in for XMLHttpRequest (jsdom's would go to the network): it records what was sent and answers with `respond`. */
class FakeXhr {
  static sent: { method: string; url: string; headers: Record<string, string>; form: FormData }[] = [];
  static respond: (form: FormData) => { status: number; body: unknown } = () => ({ status: 500, body: null });
  /** Resolves when the test lets the server answer; progress is reported before it. */
  static gate: Promise<void> = Promise.resolve();

  upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  responseText = '';
  private method = '';
  private url = '';
  private headers: Record<string, string> = {};

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  getResponseHeader() {
    return null;
  }
  abort() {
    this.onabort?.();
  }
  send(form: FormData) {
    FakeXhr.sent.push({ method: this.method, url: this.url, headers: this.headers, form });
    setTimeout(() => {
      this.upload.onprogress?.({ lengthComputable: true, loaded: 40, total: 100 } as ProgressEvent);
      void FakeXhr.gate.then(() => {
        const r = FakeXhr.respond(form);
        this.status = r.status;
        this.responseText = JSON.stringify(r.body);
        this.onload?.();
      });
    }, 0);
  }
}

const fileInput = () => document.querySelector<HTMLInputElement>('input[type="file"]')!;

async function chooseCategory(label: string) {
  await userEvent.click(screen.getByRole('combobox', { name: 'Loại tài liệu' }));
  await userEvent.click(await screen.findByTitle(label));
}

describe('EvidenceCard', () => {
  beforeEach(async () => {
    session.setToken('tok-1');
    await changeLanguage('vi');
    FakeXhr.sent = [];
    FakeXhr.gate = Promise.resolve();
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
  });
  afterEach(() => {
    session.clear();
    vi.unstubAllGlobals();
  });

  it('lists the files with Vietnamese labels, sizes, uploader, time, lock marker and allowed buttons', async () => {
    stubApi({ 'GET /api/v1/initiatives/i1/files': () => jsonResponse(200, [file(), photo]) });
    renderPage(<EvidenceCard owner={{ kind: 'initiative', id: 'i1' }} canUpload={false} />);

    expect(await screen.findByText('Tài liệu minh chứng')).toBeInTheDocument();
    const row = (await screen.findByText('Kế hoạch triển khai số hóa.pdf')).closest('tr')!;
    expect(within(row).getByText('Kế hoạch triển khai')).toBeInTheDocument();
    expect(within(row).getByText('1,2 MB')).toBeInTheDocument();
    expect(within(row).getByText('Trần Thị Hạnh')).toBeInTheDocument();
    expect(within(row).getByText('20/05/2023 10:30')).toBeInTheDocument();
    expect(within(row).getByText('Xem').closest('button')).toBeInTheDocument();
    expect(within(row).getByText('Tải xuống').closest('button')).toBeInTheDocument();
    expect(within(row).getByText('Xóa').closest('button')).toBeInTheDocument();
    expect(within(row).queryByLabelText('Đã khóa')).not.toBeInTheDocument();

    const locked = screen.getByText('Ảnh hội nghị.jpg').closest('tr')!;
    expect(within(locked).getByText('Hình ảnh')).toBeInTheDocument();
    expect(within(locked).getByText('2 KB')).toBeInTheDocument();
    expect(within(locked).getByLabelText('Đã khóa')).toBeInTheDocument();
    expect(within(locked).queryByText('Xóa')).not.toBeInTheDocument();
    expect(screen.getByText('Danh sách (2)')).toBeInTheDocument();
    // Without a contributor's rights there is no upload area.
    expect(screen.queryByText('Kéo thả tệp vào đây hoặc bấm để chọn tệp')).not.toBeInTheDocument();
  }, 60_000);

  it('uploads several files as multipart (category, initiative_id, then file) with progress, and lists them', async () => {
    let files: EvidenceFile[] = [];
    stubApi({ 'GET /api/v1/initiatives/i1/files': () => jsonResponse(200, files) });
    let release!: () => void;
    FakeXhr.gate = new Promise<void>((r) => (release = r));
    FakeXhr.respond = (form) => {
      const name = (form.get('file') as File).name;
      const view = file({ id: `new-${name}`, original_name: name, category: 'product', uploaded_by: { id: 'u9', display_name: 'Lê Văn Nam' } });
      files = [...files, view];
      return { status: 201, body: view };
    };
    renderPage(<EvidenceCard owner={{ kind: 'initiative', id: 'i1' }} canUpload />);

    expect(await screen.findByText('Chưa có tài liệu minh chứng nào.')).toBeInTheDocument();
    // No upload before a document type is chosen.
    expect(fileInput()).toBeDisabled();
    await chooseCategory('Sản phẩm');
    await waitFor(() => expect(fileInput()).not.toBeDisabled());

    await userEvent.upload(fileInput(), [
      new File(['%PDF-1.4 a'], 'Báo cáo kết quả.pdf', { type: 'application/pdf' }),
      new File(['PK'], 'Số liệu.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    ]);

    // A progress bar per file while the bytes go up.
    expect(await screen.findByRole('progressbar', { name: 'Báo cáo kết quả.pdf: 40%' })).toBeInTheDocument();
    expect(await screen.findByRole('progressbar', { name: 'Số liệu.xlsx: 40%' })).toBeInTheDocument();
    release();

    const table = await screen.findByRole('table');
    expect(await within(table).findByText('Báo cáo kết quả.pdf')).toBeInTheDocument();
    expect(within(table).getByText('Số liệu.xlsx')).toBeInTheDocument();
    expect(within(table).getAllByText('Lê Văn Nam')).toHaveLength(2);
    expect(await screen.findAllByText('Đã tải lên')).toHaveLength(2);

    expect(FakeXhr.sent).toHaveLength(2);
    for (const sent of FakeXhr.sent) {
      expect(sent.method).toBe('POST');
      expect(new URL(sent.url).pathname).toBe('/api/v1/files');
      expect(sent.headers.authorization).toBe('Bearer tok-1');
      expect(sent.headers['accept-language']).toBe('vi');
      expect([...sent.form.keys()]).toEqual(['category', 'initiative_id', 'file']);
      expect(sent.form.get('category')).toBe('product');
      expect(sent.form.get('initiative_id')).toBe('i1');
    }
    expect(FakeXhr.sent.map((s) => (s.form.get('file') as File).name)).toEqual(['Báo cáo kết quả.pdf', 'Số liệu.xlsx']);
  }, 60_000);

  it('uploads a report’s evidence with report_id and the chosen line, lists the files the report carries, and tells the page', async () => {
    const seen = stubApi({});
    const onChanged = vi.fn();
    FakeXhr.respond = (form) => ({
      status: 201,
      body: file({ id: 'r-new', original_name: (form.get('file') as File).name, initiative_id: null, report_id: 'r1', report_row_id: 'row1' }),
    });
    const given = [file({ initiative_id: null, report_id: 'r1', report_row_id: 'row1' }), file({ id: 'f3', original_name: 'Kế hoạch của sáng kiến.pdf', initiative_id: 'i1' })];
    renderPage(
      <EvidenceCard
        owner={{ kind: 'report', id: 'r1' }}
        files={given}
        canUpload
        onChanged={onChanged}
        rows={[{ id: 'row1', label: 'Dòng 1: Hồ sơ đúng ngay lần đầu' }]}
        attachedTo={(f) => (f.report_row_id ? 'Dòng 1' : 'Tài liệu của sáng kiến')}
      />,
    );

    // The files come from the report's view: nothing is fetched for them.
    const row = (await screen.findByText('Kế hoạch triển khai số hóa.pdf')).closest('tr')!;
    expect(within(row).getByText('Dòng 1')).toBeInTheDocument();
    expect(within(screen.getByText('Kế hoạch của sáng kiến.pdf').closest('tr')!).getByText('Tài liệu của sáng kiến')).toBeInTheDocument();
    expect(seen).toHaveLength(0);

    await chooseCategory('Hình ảnh');
    await userEvent.click(screen.getByRole('combobox', { name: 'Gắn với dòng kết quả' }));
    await userEvent.click(await screen.findByTitle('Dòng 1: Hồ sơ đúng ngay lần đầu'));
    await waitFor(() => expect(fileInput()).not.toBeDisabled());
    await userEvent.upload(fileInput(), new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'Ảnh buổi tư vấn.png', { type: 'image/png' }));

    expect(await screen.findByText('Đã tải lên')).toBeInTheDocument();
    expect(FakeXhr.sent).toHaveLength(1);
    const form = FakeXhr.sent[0]!.form;
    expect([...form.keys()]).toEqual(['category', 'report_id', 'report_row_id', 'file']);
    expect(form.get('category')).toBe('photo');
    expect(form.get('report_id')).toBe('r1');
    expect(form.get('report_row_id')).toBe('row1');
    expect(onChanged).toHaveBeenCalledTimes(1);
  }, 60_000);

  it('shows the server’s Vietnamese message when it refuses a file (415), and checks size and type first', async () => {
    const onRejected = vi.fn();
    stubApi({ 'GET /api/v1/initiatives/i1/files': () => jsonResponse(200, []) });
    FakeXhr.respond = () => ({
      status: 415,
      body: {
        type: 'about:blank',
        title: 'Unsupported Media Type',
        status: 415,
        code: 'unsupported_file_type',
        message_vi: 'Nội dung tệp không thuộc loại được chấp nhận (PDF, Word, Excel, ảnh).',
        message_en: 'The file content is not an accepted type (PDF, Word, Excel, images).',
      },
    });
    renderPage(<EvidenceCard owner={{ kind: 'initiative', id: 'i1' }} canUpload onUploadRejected={onRejected} />);

    await screen.findByText('Chưa có tài liệu minh chứng nào.');
    await chooseCategory('Số liệu');
    await userEvent.upload(fileInput(), new File(['MZ'], 'gia-mao.pdf', { type: 'application/pdf' }));
    expect(await screen.findByText('Nội dung tệp không thuộc loại được chấp nhận (PDF, Word, Excel, ảnh).')).toBeInTheDocument();
    expect(screen.getByText('gia-mao.pdf')).toBeInTheDocument();
    expect(onRejected).not.toHaveBeenCalled(); // 415 says nothing about the rights

    // Too large: refused here, never sent.
    const big = new File(['x'], 'video.png', { type: 'image/png' });
    Object.defineProperty(big, 'size', { value: 25 * 1024 * 1024 + 1 });
    await userEvent.upload(fileInput(), big);
    expect(await screen.findByText('Tệp vượt quá dung lượng cho phép (25 MB).')).toBeInTheDocument();
    expect(FakeXhr.sent).toHaveLength(1);
  }, 60_000);

  it('reports a 409 and asks the page to reload the initiative', async () => {
    const onRejected = vi.fn();
    stubApi({ 'GET /api/v1/initiatives/i1/files': () => jsonResponse(200, []) });
    FakeXhr.respond = () => ({
      status: 409,
      body: { status: 409, title: 'Conflict', code: 'invalid_state', message_vi: 'Sáng kiến không còn nhận tài liệu minh chứng.', message_en: 'x' },
    });
    renderPage(<EvidenceCard owner={{ kind: 'initiative', id: 'i1' }} canUpload onUploadRejected={onRejected} />);
    await screen.findByText('Chưa có tài liệu minh chứng nào.');
    await chooseCategory('Khác');
    await userEvent.upload(fileInput(), new File(['%PDF'], 'a.pdf', { type: 'application/pdf' }));
    expect(await screen.findByText('Sáng kiến không còn nhận tài liệu minh chứng.')).toBeInTheDocument();
    expect(onRejected).toHaveBeenCalledTimes(1);
  }, 60_000);

  it('asks before deleting, then sends DELETE and drops the row', async () => {
    let files = [file(), photo];
    const seen = stubApi({
      'GET /api/v1/initiatives/i1/files': () => jsonResponse(200, files),
      'DELETE /api/v1/files/f1': () => {
        files = [photo];
        return new Response(null, { status: 204 });
      },
    });
    renderPage(<EvidenceCard owner={{ kind: 'initiative', id: 'i1' }} canUpload={false} />);

    const row = (await screen.findByText('Kế hoạch triển khai số hóa.pdf')).closest('tr')!;
    await userEvent.click(within(row).getByText('Xóa'));
    expect(await screen.findByText('Xóa tài liệu "Kế hoạch triển khai số hóa.pdf"?')).toBeInTheDocument();
    expect(seen.some((r) => r.method === 'DELETE')).toBe(false);

    const popup = screen.getByText('Xóa tài liệu "Kế hoạch triển khai số hóa.pdf"?').closest('.ant-popover') as HTMLElement;
    await userEvent.click(within(popup).getByText('Xóa'));
    await waitFor(() => expect(seen.some((r) => r.method === 'DELETE')).toBe(true));
    const del = seen.find((r) => r.method === 'DELETE')!;
    expect(new URL(del.url).pathname).toBe('/api/v1/files/f1');
    expect(del.headers.get('Authorization')).toBe('Bearer tok-1');
    await waitFor(() => expect(screen.queryByText('Kế hoạch triển khai số hóa.pdf')).not.toBeInTheDocument());
    expect(screen.getByText('Ảnh hội nghị.jpg')).toBeInTheDocument();
  }, 60_000);

  it('shows photos as thumbnails from blob URLs fetched with the token, and revokes them on unmount', async () => {
    const created: string[] = [];
    const revoked: string[] = [];
    const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    URL.createObjectURL = () => {
      const url = `blob:thumb-${created.length + 1}`;
      created.push(url);
      return url;
    };
    URL.revokeObjectURL = (url: string) => void revoked.push(url);
    try {
      const seen = stubApi({
        'GET /api/v1/initiatives/i1/files': () => jsonResponse(200, [file(), photo]),
        'GET /api/v1/files/f2/content': () => new Response(new Uint8Array([0xff, 0xd8, 0xff]), { status: 200, headers: { 'Content-Type': 'image/jpeg' } }),
      });
      const view = renderPage(<EvidenceCard owner={{ kind: 'initiative', id: 'i1' }} canUpload={false} />);
      await userEvent.click(await screen.findByRole('tab', { name: 'Xem dạng thư viện' }));

      const img = await screen.findByRole('img', { name: 'Ảnh hội nghị.jpg' });
      expect(img).toHaveAttribute('src', 'blob:thumb-1');
      const content = seen.find((r) => new URL(r.url).pathname === '/api/v1/files/f2/content')!;
      expect(content.headers.get('Authorization')).toBe('Bearer tok-1');
      // The PDF is offered in the viewer, not fetched until opened.
      expect(screen.getAllByText('Kế hoạch triển khai số hóa.pdf').length).toBeGreaterThan(0);
      expect(seen.some((r) => new URL(r.url).pathname === '/api/v1/files/f1/content')).toBe(false);

      view.unmount();
      expect(revoked).toEqual(created);
    } finally {
      URL.createObjectURL = original.create;
      URL.revokeObjectURL = original.revoke;
    }
  }, 60_000);
});
