// Turkish first, English available; the choice is remembered and sets <html lang>.
const texts = {
  tr: {
    'app.title': 'Toplu bayi daveti', 'support.title': 'Destek konsolu', 'lang.switch': 'English',
    'signin.title': 'Giriş', 'signin.sponsor': 'Sponsor numarası', 'signin.operator': 'Operatör adı',
    'signin.submit': 'Giriş yap', 'signin.token': 'Erişim anahtarı (platformdan)', 'signin.out': 'Çıkış',
    'signin.platform': 'Bu ortamda anahtar platformdan gelir.', 'signin.failed': 'Giriş yapılamadı.',
    'upload.title': 'Dosya yükle', 'upload.template': 'Şablonu indir', 'upload.file': 'Bayi dosyası (.xlsx veya .csv)',
    'upload.type': 'Davet türü', 'upload.type.Invite': 'Davet gönder', 'upload.type.AutoCreate': 'Hesabı doğrudan oluştur',
    'upload.tier': 'Varsayılan paket', 'upload.tier.none': '(dosyadaki)', 'upload.count': 'Varsayılan kod adedi',
    'upload.sms': 'SMS gönder', 'upload.rowCounts': 'Satırdaki kod adetlerini kullan',
    'upload.dryRun': 'Kontrol et (deneme)', 'upload.submit': 'Yükle ve başlat', 'upload.chooseFile': 'Önce bir dosya seçin.',
    'upload.valid': 'Dosya geçerli: {n} bayi.', 'upload.invalid': 'Dosyada {n} hata var.', 'upload.accepted': 'İş başladı.',
    'upload.codes': 'Yeterli kod yok.', 'upload.failed': 'Yükleme başarısız',
    'errors.row': 'Satır', 'errors.column': 'Sütun', 'errors.message': 'Hata',
    'codes.tier': 'Paket', 'codes.required': 'Gereken kod', 'codes.available': 'Mevcut kod',
    'progress.title': 'İlerleme', 'progress.counts': '{processed} / {total} işlendi · {ok} başarılı · {failed} başarısız',
    'progress.latest': 'Son bayi: {email} {result}', 'progress.ok': '✓', 'progress.failedMark': '✗',
    'outcome.title': 'Sonuç', 'outcome.results': 'Sonuç dosyasını indir',
    'history.title': 'Geçmiş işler', 'history.created': 'Tarih', 'history.file': 'Dosya', 'history.status': 'Durum',
    'history.total': 'Toplam', 'history.ok': 'Başarılı', 'history.failed': 'Başarısız', 'history.actions': 'İşlemler',
    'history.empty': 'Henüz iş yok.', 'action.results': 'Sonuçlar', 'action.cancel': 'İptal et', 'action.retry': 'Başarısızları yeniden dene',
    'action.done': 'İstek alındı.', 'action.open': 'Aç',
    'conn.connected': 'Canlı bağlantı açık', 'conn.reconnecting': 'Yeniden bağlanıyor…', 'conn.disconnected': 'Bağlantı yok',
    'status.Pending': 'Bekliyor', 'status.Processing': 'İşleniyor', 'status.Completed': 'Tamamlandı',
    'status.PartialSuccess': 'Kısmen başarılı', 'status.Failed': 'Başarısız', 'status.Cancelled': 'İptal edildi',
    'status.Succeeded': 'Başarılı', 'status.Skipped': 'Atlandı',
    'search.title': 'İş ara', 'search.q': 'İş no, bayi e-postası veya telefonu', 'search.state': 'Durum', 'search.any': '(hepsi)',
    'search.sponsor': 'Sponsor', 'search.submit': 'Ara', 'search.none': 'Sonuç yok.', 'search.count': '{n} iş bulundu.',
    'job.title': 'İş ayrıntısı', 'job.id': 'İş no', 'job.state': 'Saga durumu', 'job.version': 'Sürüm',
    'job.counts': 'Sayaçlar', 'job.created': 'Oluşturuldu', 'job.started': 'Başladı', 'job.completed': 'Bitti',
    'job.timeline': 'Zaman çizelgesi', 'job.rows': 'Satırlar', 'job.operators': 'Operatör işlemleri', 'job.none': 'Yok.',
    'timeline.at': 'Zaman', 'timeline.event': 'Olay', 'timeline.transition': 'Geçiş', 'timeline.message': 'Mesaj no',
    'timeline.detail': 'Ayrıntı', 'timeline.actor': 'Kim', 'rows.email': 'E-posta', 'rows.phone': 'Telefon',
    'rows.name': 'Bayi', 'rows.attempts': 'Deneme', 'rows.invitation': 'Davet no',
    'invite.title': 'Bayi daveti', 'invite.loading': 'Yükleniyor…', 'invite.details': 'Davetiniz', 'invite.sponsor': 'Sponsor',
    'invite.sponsorId': 'Sponsor no {id}', 'invite.dealer': 'Bayi', 'invite.codes': 'Sponsorluk kodları',
    'invite.codeCount': '{n} adet, {tier} paket', 'invite.expires': 'Son gün', 'invite.accept': 'Daveti kabul et', 'invite.decline': 'Reddet',
    'invite.accepted.title': 'Davet kabul edildi', 'invite.accepted.text': 'Bayi hesabınız hazır; sponsorluk kodlarınız:',
    'invite.ready.title': 'Hesabınız hazır', 'invite.ready.text': 'Sponsorunuz bayi hesabınızı oluşturdu; sponsorluk kodlarınız:',
    'invite.declined.title': 'Davet reddedildi', 'invite.declined.text': 'Davetinizi reddettiniz; kodlar sponsorunuza geri verildi.',
    'invite.problem.not-found.title': 'Davet bulunamadı', 'invite.problem.not-found.text': 'Bu bağlantıya ait bir davet yok. Bağlantıyı SMS\'teki gibi eksiksiz açtığınızdan emin olun.',
    'invite.problem.expired.title': 'Davetin süresi doldu', 'invite.problem.expired.text': 'Bu davetin süresi doldu. Yeni bir davet için sponsorunuza başvurun.',
    'invite.problem.declined.title': 'Davet reddedildi', 'invite.problem.declined.text': 'Bu davet daha önce reddedildi; artık kabul edilemez.',
    'invite.problem.accepted.title': 'Davet kabul edildi', 'invite.problem.accepted.text': 'Bu davet zaten kabul edildi; artık reddedilemez.',
    'invite.problem.rate-limit.title': 'Çok fazla istek', 'invite.problem.rate-limit.text': 'Kısa sürede çok fazla istek geldi; biraz sonra yeniden deneyin.',
    'invite.problem.error.title': 'Bir sorun oluştu', 'invite.problem.error.text': 'Davet şu anda açılamıyor; biraz sonra yeniden deneyin.',
    'answers.counts': 'Davetler: {pending} bekliyor · {accepted} kabul · {declined} ret · {expired} süresi doldu',
    'rows.sms': 'SMS', 'sms.Sent': 'Gönderildi', 'sms.Delivered': 'Ulaştı', 'sms.Undelivered': 'Ulaşmadı',
    'sms.counts': 'SMS: {sent} gönderildi · {delivered} ulaştı · {undelivered} ulaşmadı · {awaiting} rapor bekliyor',
    'rows.smsPossiblyTwice': 'İki kez gitmiş olabilir',
  },
  en: {
    'app.title': 'Bulk dealer invitations', 'support.title': 'Support console', 'lang.switch': 'Türkçe',
    'signin.title': 'Sign in', 'signin.sponsor': 'Sponsor id', 'signin.operator': 'Operator name',
    'signin.submit': 'Sign in', 'signin.token': 'Access token (from the platform)', 'signin.out': 'Sign out',
    'signin.platform': 'Here the token comes from the platform.', 'signin.failed': 'Could not sign in.',
    'upload.title': 'Upload a file', 'upload.template': 'Download the template', 'upload.file': 'Dealer file (.xlsx or .csv)',
    'upload.type': 'Invitation type', 'upload.type.Invite': 'Send an invitation', 'upload.type.AutoCreate': 'Create the account directly',
    'upload.tier': 'Default tier', 'upload.tier.none': '(from the file)', 'upload.count': 'Default code count',
    'upload.sms': 'Send SMS', 'upload.rowCounts': 'Use the code counts in the rows',
    'upload.dryRun': 'Check (dry run)', 'upload.submit': 'Upload and start', 'upload.chooseFile': 'Choose a file first.',
    'upload.valid': 'The file is valid: {n} dealers.', 'upload.invalid': 'The file has {n} errors.', 'upload.accepted': 'The job has started.',
    'upload.codes': 'Not enough codes.', 'upload.failed': 'Upload failed',
    'errors.row': 'Row', 'errors.column': 'Column', 'errors.message': 'Error',
    'codes.tier': 'Tier', 'codes.required': 'Codes needed', 'codes.available': 'Codes available',
    'progress.title': 'Progress', 'progress.counts': '{processed} / {total} processed · {ok} succeeded · {failed} failed',
    'progress.latest': 'Latest dealer: {email} {result}', 'progress.ok': '✓', 'progress.failedMark': '✗',
    'outcome.title': 'Outcome', 'outcome.results': 'Download the results file',
    'history.title': 'Your jobs', 'history.created': 'Date', 'history.file': 'File', 'history.status': 'Status',
    'history.total': 'Total', 'history.ok': 'Succeeded', 'history.failed': 'Failed', 'history.actions': 'Actions',
    'history.empty': 'No jobs yet.', 'action.results': 'Results', 'action.cancel': 'Cancel', 'action.retry': 'Retry failed',
    'action.done': 'Request accepted.', 'action.open': 'Open',
    'conn.connected': 'Live connection open', 'conn.reconnecting': 'Reconnecting…', 'conn.disconnected': 'Not connected',
    'status.Pending': 'Pending', 'status.Processing': 'Processing', 'status.Completed': 'Completed',
    'status.PartialSuccess': 'Partly succeeded', 'status.Failed': 'Failed', 'status.Cancelled': 'Cancelled',
    'status.Succeeded': 'Succeeded', 'status.Skipped': 'Skipped',
    'search.title': 'Find jobs', 'search.q': 'Job id, dealer email or phone', 'search.state': 'State', 'search.any': '(any)',
    'search.sponsor': 'Sponsor', 'search.submit': 'Search', 'search.none': 'No jobs found.', 'search.count': '{n} jobs found.',
    'job.title': 'Job detail', 'job.id': 'Job id', 'job.state': 'Saga state', 'job.version': 'Version',
    'job.counts': 'Counters', 'job.created': 'Created', 'job.started': 'Started', 'job.completed': 'Finished',
    'job.timeline': 'Timeline', 'job.rows': 'Rows', 'job.operators': 'Operator actions', 'job.none': 'None.',
    'timeline.at': 'Time', 'timeline.event': 'Event', 'timeline.transition': 'Transition', 'timeline.message': 'Message id',
    'timeline.detail': 'Detail', 'timeline.actor': 'Who', 'rows.email': 'Email', 'rows.phone': 'Phone',
    'rows.name': 'Dealer', 'rows.attempts': 'Attempts', 'rows.invitation': 'Invitation id',
    'invite.title': 'Dealer invitation', 'invite.loading': 'Loading…', 'invite.details': 'Your invitation', 'invite.sponsor': 'Sponsor',
    'invite.sponsorId': 'Sponsor no. {id}', 'invite.dealer': 'Dealer', 'invite.codes': 'Sponsorship codes',
    'invite.codeCount': '{n} codes, tier {tier}', 'invite.expires': 'Expires', 'invite.accept': 'Accept the invitation', 'invite.decline': 'Decline',
    'invite.accepted.title': 'Invitation accepted', 'invite.accepted.text': 'Your dealer account is ready; your sponsorship codes:',
    'invite.ready.title': 'Your account is ready', 'invite.ready.text': 'Your sponsor created your dealer account; your sponsorship codes:',
    'invite.declined.title': 'Invitation declined', 'invite.declined.text': 'You declined the invitation; the codes went back to your sponsor.',
    'invite.problem.not-found.title': 'Invitation not found', 'invite.problem.not-found.text': 'There is no invitation for this link. Make sure you opened the whole link from the SMS.',
    'invite.problem.expired.title': 'The invitation has expired', 'invite.problem.expired.text': 'This invitation has expired. Ask your sponsor for a new one.',
    'invite.problem.declined.title': 'The invitation was declined', 'invite.problem.declined.text': 'This invitation was declined earlier and can no longer be accepted.',
    'invite.problem.accepted.title': 'The invitation was accepted', 'invite.problem.accepted.text': 'This invitation was already accepted and can no longer be declined.',
    'invite.problem.rate-limit.title': 'Too many requests', 'invite.problem.rate-limit.text': 'Too many requests in a short time; try again shortly.',
    'invite.problem.error.title': 'Something went wrong', 'invite.problem.error.text': 'The invitation cannot be opened right now; try again shortly.',
    'answers.counts': 'Invitations: {pending} pending · {accepted} accepted · {declined} declined · {expired} expired',
    'rows.sms': 'SMS', 'sms.Sent': 'Sent', 'sms.Delivered': 'Delivered', 'sms.Undelivered': 'Undelivered',
    'sms.counts': 'SMS: {sent} sent · {delivered} delivered · {undelivered} undelivered · {awaiting} awaiting a report',
    'rows.smsPossiblyTwice': 'Possibly sent twice',
  },
};

let lang = localStorage.getItem('invitations.lang') === 'en' ? 'en' : 'tr';
const listeners = [];

export function t(key, values = {}) {
  const text = texts[lang][key] ?? texts.tr[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

export const currentLang = () => lang;

export function apply(root = document) {
  document.documentElement.lang = lang;
  root.querySelectorAll('[data-i18n]').forEach(node => { node.textContent = t(node.dataset.i18n); });
  root.querySelectorAll('[data-i18n-label]').forEach(node => node.setAttribute('aria-label', t(node.dataset.i18nLabel)));
  document.title = t(document.body.dataset.titleKey);
}

export function onChange(listener) { listeners.push(listener); }

export function toggle() {
  lang = lang === 'tr' ? 'en' : 'tr';
  localStorage.setItem('invitations.lang', lang);
  apply();
  listeners.forEach(listener => listener());
}

export function formatTime(value) {
  return value ? new Date(value).toLocaleString(lang === 'tr' ? 'tr-TR' : 'en-GB') : '–';
}
