"""Every sentence a person reads, in one place, so the wording stays the same everywhere.

Terms follow shared/TERMS.md: alıştırma, ders, ipucu, değerlendirici, sonuç, geçti/kaldı,
çalışma alanı, tensör, şekil, veri tipi, cihaz, gradyan, yerinde.
"""

from __future__ import annotations

# --- kinds of values (used inside other messages) ---------------------------------------
KIND_NULL = "boş değer (null)"
KIND_BOOL = "doğru/yanlış değeri"
KIND_NUMBER = "sayı"
KIND_INT = "tam sayı"
KIND_TEXT = "metin"
KIND_LIST = "liste"
KIND_MAPPING = "eşleme (anahtar: değer)"

# --- pack schema ---------------------------------------------------------------------------
SCHEMA_EXPECTED_LIST = (
    "liste bekleniyordu, {got} geldi. Her öğeyi '- ' ile başlayan bir satıra yazın."
)
SCHEMA_EXPECTED_MAPPING = "eşleme (anahtar: değer) bekleniyordu, {got} geldi."
SCHEMA_EXPECTED_TEXT = "metin bekleniyordu, {got} geldi."
SCHEMA_EXPECTED_BOOL = "true ya da false bekleniyordu, {got} geldi."
SCHEMA_EXPECTED_NUMBER = "{kind} bekleniyordu, {got} geldi."
SCHEMA_EMPTY_TEXT = "bu alan boş olamaz."
SCHEMA_BAD_SLUG = (
    "'{value}' kimlik olarak kullanılamaz: yalnızca küçük İngilizce harf, rakam, '-' ve '_' "
    "kullanın (ör. 'log_softmax')."
)
SCHEMA_MIN_ITEMS = "en az {n} öğe gerekli, {got} öğe var."
SCHEMA_MINIMUM = "değer en az {n} olmalı, {got} verildi."
SCHEMA_GREATER = "değer {n} sayısından büyük olmalı, {got} verildi."
SCHEMA_UNKNOWN_FIELD = "bilinmeyen alan '{name}'."
SCHEMA_DID_YOU_MEAN = " Şunu mu demek istediniz: '{name}'?"
SCHEMA_MISSING_FIELD = "zorunlu alan '{name}' eksik; bu alanı ekleyin."
SCHEMA_PATH_DESCRIPTION = "Paket klasörüne göre göreli dosya yolu; paketin dışına çıkamaz."

# --- pack loading ----------------------------------------------------------------------------
PACK_NOT_A_DIR = "'{path}' bir klasör değil ya da yok."
PACK_NO_MANIFEST = (
    "paket bildirimi (pack.yaml) bulunamadı; paketin kök klasörüne bir pack.yaml ekleyin."
)
PACK_NOT_UTF8 = (
    "dosya UTF-8 değil (geçersiz bayt 0x{byte:02x}). Düzenleyicinizde dosyayı UTF-8 kodlamasıyla "
    "yeniden kaydedin."
)
PACK_MOJIBAKE = (
    "metin bozuk kodlanmış görünüyor: '{bad}' aslında '{good}' olmalı (UTF-8 metin Windows-1254 "
    "olarak okunup yeniden kaydedilmiş). Onarmak için: tutor pack validate --fix-encoding {root}"
)
PACK_MOJIBAKE_FIXED = "{file}: kodlama onarıldı (yedek: {backup})."
PACK_YAML_SYNTAX = "YAML sözdizimi hatası: {problem}."
PACK_YAML_EMPTY = "dosya boş; bir YAML eşlemesi bekleniyordu."
PACK_YAML_DUPLICATE_KEY = "'{key}' anahtarı bu eşlemede iki kez yazılmış; birini silin."
PACK_YAML_PROBLEMS = {
    "mapping values are not allowed in this context": (
        "burada ':' beklenmiyordu; değerin içinde ':' geçiyorsa değeri tırnak içine alın"
    ),
    "mapping values are not allowed here": (
        "burada ':' beklenmiyordu; değerin içinde ':' geçiyorsa değeri tırnak içine alın"
    ),
    "could not find expected ':'": "beklenen ':' bulunamadı; 'anahtar: değer' biçiminde yazın",
    "found character '\\t' that cannot start any token": (
        "sekme (tab) karakteri kullanılamaz; girinti için boşluk kullanın"
    ),
    "did not find expected key": "girinti hatalı ya da beklenen anahtar yok; girintileri denetleyin",
    "did not find expected '-' indicator": "liste öğesi beklenirken başka bir şey bulundu; girintileri denetleyin",
    "found undefined alias": "tanımlanmamış bir takma ad (alias) kullanılmış",
    "found unexpected end of stream": "dosya beklenmedik biçimde bitti; açık kalan bir tırnak ya da parantez var",
    "found unknown escape character": "tırnak içindeki ters bölü (\\) dizisi geçersiz; tek tırnak kullanın",
    "expected <document start>, but found '<block mapping start>'": "girinti hatalı",
    "exceeded maximum nesting depth": "iç içe geçme çok derin (en çok 1000 düzey)",
}
PACK_YAML_TAB = "sekme (tab) karakteri kullanılamaz; girinti için boşluk kullanın"
PACK_YAML_BAD_START = "'{char}' karakteriyle bir değer başlayamaz; değeri tırnak içine alın"
PACK_YAML_UNSAFE_TAG = "YAML etiketi '{tag}' güvenli değil; yalnızca düz YAML kullanılabilir."
PACK_PATH_ABSOLUTE = "'{path}' mutlak bir yol; paket klasörüne göre göreli bir yol yazın."
PACK_PATH_ESCAPES = "'{path}' paket klasörünün dışını gösteriyor; yollar paketin içinde kalmalı."
PACK_PATH_MISSING = "'{path}' dosyası bulunamadı; yolu düzeltin ya da dosyayı ekleyin."
PACK_DUPLICATE_LESSON = "'{id}' kimlikli ders iki kez tanımlanmış (ilki {where})."
PACK_DUPLICATE_EXERCISE = "'{id}' kimlikli alıştırma iki kez tanımlanmış (ilki {where})."
PACK_QUIZ_ANSWER_RANGE = (
    "doğru cevap {answer} numaralı seçenek olamaz: {n} seçenek var (sayım 0'dan başlar)."
)
PACK_BAD_SYMBOL = "'{name}' geçerli bir Python adı değil."
PACK_SYMBOL_NOT_DEFINED = "{what} dosyası '{name}' adını tanımlamıyor."
PACK_PY_SYNTAX = "Python sözdizimi hatası: {msg}."
PACK_GRADER_NO_SPEC = "değerlendirici dosyası GRADER adında bir değerlendirici tanımlamalı."
WHAT_STARTER = "başlangıç"
WHAT_SOLUTION = "örnek çözüm"

# --- command line ------------------------------------------------------------------------------
CLI_DESCRIPTION = "PyTorch ile derin öğrenme için Türkçe terminal öğretmeni."
CLI_UNKNOWN_EXERCISE = "'{id}' adında bir alıştırma yok."
CLI_CLOSE_IDS = " Yakın olanlar: {ids}."
CLI_CLOSE_LESSON = "{id} (ders)"
CLI_ALL_IDS = " Alıştırmaları görmek için: tutor list"
CLI_LESSON_NOT_EXERCISE = (
    "'{id}' bir ders, alıştırma değil. Bu dersin alıştırmaları: {ids}. "
    "Dersi okumak için: tutor show {id}"
)
CLI_NO_EXERCISES = "(alıştırması yok)"
CLI_FILE_MISSING = "'{path}' dosyası bulunamadı."
CLI_FILE_NOT_UTF8 = "'{path}' UTF-8 olarak okunamadı ({line}. satırda geçersiz bayt). Dosyayı UTF-8 olarak kaydedin."
CLI_INVALID_PACK = "Ders paketi yüklenemedi ({n} hata):"
CLI_INTERNAL_ERROR = (
    "tutor'da beklenmeyen bir iç hata oluştu ({error}). Bu sizin hatanız değil, kodunuzla da "
    "ilgisi yok. Yeniden deneyin; sürerse bu iletiyi bildirin."
)
CLI_INTERNAL_ERROR_LOG = "Ayrıntılar şu dosyaya yazıldı: {path}"
CLI_INTERRUPTED = "Kesildi."
CLI_STATUS = {"not_tried": "denenmedi", "failing": "kaldı", "passed": "geçti"}
CLI_LESSON_HEADER = "{number}. {title}"
CLI_SHOW_FILE = "Dosyanız: {path}"
CLI_SHOW_SIGNATURE = "İmza"
CLI_SHOW_EXAMPLE = "Örnek"
CLI_SHOW_NEXT = "Çözümü bu dosyaya yazın, sonra: tutor submit {id}"
CLI_HINT_HEADER = "İpucu {level}/{total} — {title}"
CLI_HINT_LAST = (
    "Bu son ipucuydu. Dersi yeniden okumak için: tutor show {lesson}. Çözümün tamamını "
    "görmek isterseniz: tutor hint {id} --solution (ilerlemenize kaydedilir)."
)
CLI_HINT_MORE = "Sıradaki ipucu için: tutor hint {id}"
CLI_SOLUTION_HEADER = "Örnek çözüm — {title}"
CLI_SOLUTION_RECORDED = (
    "Çözüme baktığınız ilerlemenize kaydedildi. Kendi çözümünüzü yazıp gönderdiğinizde "
    "alıştırma yine geçti sayılır."
)
CLI_RESET_DONE = "'{id}' başlangıç hâline döndürüldü: {path}"
CLI_RESET_BACKUP = "Önceki sürümünüz saklandı: {backup}"
CLI_RESET_NOTHING = "Dosya zaten başlangıç hâlindeydi; yedek gerekmedi."
CLI_PROGRESS_LESSON = "{number}. {title}: {passed}/{total} alıştırma geçti{quiz}"
CLI_PROGRESS_QUIZ = ", sınav {score}"
CLI_PROGRESS_SOLUTIONS = ", çözümüne bakılan: {ids}"
CLI_PROGRESS_NEXT = "Sıradaki: {id} ({title}) — tutor show {id}"
CLI_PROGRESS_ALL_DONE = "Tebrikler, bu paketteki bütün alıştırmaları geçtiniz!"
CLI_PROGRESS_TOTAL = "Toplam: {passed}/{total} alıştırma geçti."
CLI_VALIDATE_OK = (
    "Paket geçerli: {lessons} ders, {exercises} alıştırma. Her örnek çözüm geçti, her "
    "başlangıç dosyası olması gerektiği gibi geçemedi."
)
CLI_VALIDATE_FAULTS = "Pakette {n} sorun bulundu:"
CLI_VALIDATE_CHECKING = "Örnek çözümler ve başlangıç dosyaları değerlendiriliyor ({n} alıştırma)..."
CLI_VALIDATE_STARTER_PASSED = (
    "başlangıç dosyası geçti; başlangıç dosyası geçmemeli (yoksa öğrenciye çözüm verilmiş olur)."
)
CLI_VALIDATE_STARTER_ERROR = "başlangıç dosyası değerlendirilemedi: {detail}"
CLI_WATCH_WAITING = (
    "{id} ({title}): dosyanızı her kaydettiğinizde değerlendirilecek. Çıkmak için Ctrl+C."
)
CLI_WATCH_FILE = "Dosyanız: {path}"
CLI_WATCH_STARTER = (
    "Dosya henüz başlangıç hâlinde; çözümünüzü yazıp kaydettiğinizde değerlendirilecek. "
    "Açıklaması için: tutor show {id}"
)
CLI_WATCH_CHANGED = "Değişiklik algılandı, değerlendiriliyor…"
CLI_WATCH_ALL_DONE = "Tebrikler, bütün alıştırmaları geçtiniz!"
CLI_WATCH_NEXT = "'{id}' geçti. Sıradaki alıştırma: {next}"
CLI_WATCH_NEXT_BY_ID = (
    "'{id}' geçti. Bu dosya izlenmeye devam ediyor; sıradaki alıştırma için: tutor watch {next}"
)
PACK_NEW_NOT_EMPTY = "'{path}' boş değil; yeni paket için boş ya da olmayan bir klasör verin."
CLI_PACK_NEW_DONE = "Yeni paket oluşturuldu: {path} ({n} dosya)."
CLI_PACK_NEW_NEXT = (
    "Denetlemek için: tutor pack validate {path}   ·   Denemek için: tutor --pack {path} list"
)
GRADE_BATCH_NOT_A_DIR = (
    "'{path}' bir klasör değil ya da yok; her öğrencinin çalışma alanı klasörünü verin."
)
GRADE_BATCH_MISSING = "teslim edilmedi ({path} yok)"
CLI_GRADE_WRITTEN = "Raporlar: {paths}"
CLI_GRADE_SEED = (
    "Tohum: {seed} (herkes aynı girdilerle değerlendirildi; --seed {seed} ile tekrarlanır)"
)
CLI_SCHEMA_WRITTEN = "JSON şeması yazıldı: {path}"

# --- verdict rendering --------------------------------------------------------------------------
VERDICT_PASSED = "GEÇTİ"
VERDICT_FAILED = "KALDI"
VERDICT_SUMMARY = "{exercise}: {headline} · {details}"
VERDICT_HEADLINE = "{state} · puan {score} · {passed}/{total} denetim geçti"
VERDICT_DETAILS = "{duration} · cihaz: {device} · tohum: {seed}"
VERDICT_ERROR_AT_LINE = " ({line}. satır)"
VERDICT_BLOCKED = "Bu hata yüzünden yapılamayan {n} denetim: {names}"
VERDICT_PASSED_CHECKS = "Geçen {n} denetim: {names}"
VERDICT_MORE_FAILURES = "Kalan {n} denetimin iletilerini de tam görmek için --verbose ile gönderin."
VERDICT_OUTPUT = "Kodunuzun çıktısı"
VERDICT_REPLAY = "Aynı çalıştırmayı tekrarlamak için: {command}"
VERDICT_REPLAY_NOT_RECORDED = (
    "Bu bir tekrardı (--seed): sonuç gösterildi ama ilerlemenize geçti olarak yazılmadı. "
    "Kaydetmek için --seed olmadan gönderin."
)
# The kind of an error, said once, in words, in front of its message.
ERROR_KIND_HEADINGS = {
    "syntax": "Sözdizimi hatası",
    "import": "Dosyanız yüklenemedi",
    "missing_symbol": "Eksik tanım",
    "exception": "Kodunuz çalışırken hata verdi",
    "forbidden": "Yasak kullanım",
    "timeout": "Süre sınırı aşıldı",
    "memory": "Bellek sınırı aşıldı",
    "crash": "Kodunuzun süreci beklenmedik biçimde sona erdi",
}

# --- grading: the learner's process ---------------------------------------------------------
GRADE_SYNTAX = "Python sözdizimi hatası: {msg}."
GRADE_IMPORT = "Dosya yüklenirken hata: {exc}."
GRADE_IMPORT_MODULE = "'{module}' modülü bulunamadı; yalnızca torch, numpy ve Python'un kendi modülleri kullanılabilir."
GRADE_MISSING_SYMBOL = "Dosyanızda '{name}' tanımlı değil. İmza şöyle olmalı: {signature}"
GRADE_NOT_CALLABLE = "'{name}' çağrılabilir değil ({type}); bir fonksiyon ya da sınıf olmalı."
GRADE_STILL_STARTER = (
    "Çözüm henüz yazılmamış (NotImplementedError). Dosyanızdaki raise NotImplementedError "
    "satırının yerine çözümünüzü yazın."
)
GRADE_EXCEPTION = "{exc_type} istisnası: {exc}"
GRADE_ZERO_DIVISION = (
    "Sıfıra bölme (ZeroDivisionError: {exc}): bir payda 0 oldu. Bölmeden önce paydanın 0 olup "
    "olmadığına bakın."
)
GRADE_SYSTEM_EXIT = "Kodunuz sys.exit({code}) çağırdı; değerlendirme yarıda kaldı. Fonksiyondan çıkmak için return kullanın."
GRADE_TIMEOUT = (
    "Süre sınırı ({limit:g} sn) aşıldı; bitmeyen bir döngü ya da çok yavaş bir işlem olabilir."
)
GRADE_TIMEOUT_AT_IMPORT = "Süre sınırı ({limit:g} sn) dosya yüklenirken aşıldı; modül düzeyinde bitmeyen bir döngü olabilir."
GRADE_MEMORY = "Bellek sınırı ({limit} MiB) aşıldı; çok büyük bir tensör ya da sonu gelmeyen bir liste olabilir."
GRADE_CRASH_SIGNAL = "Süreç {signal} sinyaliyle çöktü (ör. bellek erişim hatası)."
GRADE_CRASH_EXIT = "Süreç, değerlendirme bitmeden {code} çıkış koduyla sonlandı (os._exit gibi bir çağrı olabilir)."
GRADE_CRASH_PROTOCOL = "Süreç anlaşılmayan bir sonuç gönderdi; değerlendirme yapılamadı."
GRADE_FORBIDDEN = (
    "Yasak çağrı: {call} kullanılmış{where}. Bu alıştırmada işlemi kendiniz yazmalısınız."
)
GRADE_FORBIDDEN_STATIC = (
    "Yasak kullanım: '{name}'{where}. Bu alıştırmada işlemi kendiniz yazmalısınız."
)
GRADE_FORBIDDEN_OPERATOR = (
    "Yasak işleç: '{op}'{where}. Bu alıştırmada çarpımı kendiniz yazmalısınız."
)
GRADE_TAMPER = (
    "Kodunuz değerlendiricinin izleme düzeneğine uzanmış{where} (ör. torch'un kip yığınını, "
    "çerçeveleri ya da belleği kurcalamak); buna izin verilmez."
)
GRADE_WHERE_LINE = " ({line}. satırda)"
GRADE_OUTPUT_TRUNCATED = "[çıktı {limit} KiB ile sınırlandı; {dropped} bayt atıldı]"
GRADE_NOT_RUN = "Çalıştırılamadı: {reason}"
GRADE_CASE_NOT_REACHED = "bu denetime sıra gelmedi"
GRADE_CUDA_UNAVAILABLE = (
    "CUDA istendi ama bu makinede kullanılabilir bir CUDA cihazı yok. --device cpu ile deneyin."
)
GRADE_BAD_DEVICE = "Bilinmeyen cihaz '{device}'; cpu, cuda ya da auto yazın."
GRADE_GRADER_BROKEN = (
    "Değerlendirici çalıştırılamadı ({file}): {exc}. Bu, ders paketindeki bir hata; sizin "
    "kodunuzla ilgisi yok. Paketin yazarına bildirin."
)
GRADE_WORKER_FAILED = (
    "Değerlendirme sürecine ulaşılamadı ({exc}). Bu, tutor'un kendi sorunu; kodunuzla ilgisi "
    "yok. Yeniden deneyin; sürerse bu iletiyi `tutor doctor` çıktısıyla birlikte bildirin."
)
GRADE_OK = "tamam"
GRADE_FORBIDDEN_OP = (
    "Yasak işlem: PyTorch'un hazır {op} çekirdeği çalıştı{where}. Hangi yoldan çağrılırsa "
    "çağrılsın (takma ad, getattr, iç modüller) bu işlemi kendiniz yazmalısınız."
)
GRADE_FORBIDDEN_ACTION = (
    "Bu alıştırmada izin verilmeyen bir işlem: {action}{where}. Değerlendirilen kod süreç, iş "
    "parçacığı (thread), ağ bağlantısı, sinyal ya da dinamik kod (exec/eval) kullanmamalı."
)
GRADE_FORBIDDEN_DYNAMIC = (
    "'{name}' kullanılamaz{where}: metinden kod üreten ya da çalıştıran çağrılar "
    "değerlendirmede yasaktır. Kodunuzu doğrudan yazın."
)
GRADE_PRIVATE_TORCH = (
    "PyTorch'un iç (alt çizgiyle başlayan ya da derleyen) bir parçası kullanılmış: '{name}'{where}. "
    "Bu alıştırmada yalnızca torch'un herkese açık işlemleriyle kendi çözümünüzü yazın."
)
GRADE_NOT_UTF8 = (
    "Dosyanız UTF-8 değil: {line}. satırda geçersiz bir bayt (0x{byte:02x}) var. Dosyayı "
    "düzenleyicinizde UTF-8 kodlamasıyla yeniden kaydedin."
)
GRADE_NOT_UTF8_CP1254 = (
    "Dosyanız UTF-8 değil, Windows-1254 (Türkçe Windows) kodlamasıyla kaydedilmiş ({line}. "
    "satırda). Python dosyaları UTF-8 olmalı: Not Defteri'nde Farklı Kaydet → Kodlama: UTF-8; "
    "VS Code'da sağ alttaki 'Windows 1254' yazısına tıklayıp 'Save with Encoding' → UTF-8."
)
GRADE_CRASH_TOO_MUCH = "Süreç sınırları aşan miktarda sonuç gönderdi; değerlendirme durduruldu."
GRADE_CRASH_FILE_SIZE = (
    "Süreç dosya boyutu sınırını aştı (çok büyük bir dosya yazılıyordu); değerlendirme durduruldu."
)
GRADE_BAD_REQUEST = "Değerlendirme isteği eksik ya da bozuk; bu, tutor'un kendi hatasıdır."
GRADE_GRADER_TIMEOUT = (
    "Değerlendirici {what} sırasında süre sınırını ({limit:g} sn) aştı ({file}). Bu, paketteki "
    "bir hatadır, çözümünüzle ilgisi yok; paketin yazarına bildirin."
)
GRADE_WHAT_LOADING = "yüklenirken"
GRADE_WHAT_CASES = "denetimler hazırlanırken"
GRADE_WHAT_JUDGING = "sonuçlar karşılaştırılırken"
GRADE_ENGINE_SPAWN = (
    "Kodunuzu çalıştıracak süreç başlatılamadı ({exc}). Bu, tutor'un kendi hatasıdır, sizin "
    "değil; komutu yeniden deneyin, sürerse `tutor doctor` çıktısıyla bildirin."
)
GRADE_UNSAFE_RUNTIME_DIR = (
    "Değerlendirme klasörü güvenli değil: {path} size ait değil ya da başkalarına açık. Klasörü "
    "silin (ya da XDG_RUNTIME_DIR ile başka bir yer gösterin) ve yeniden deneyin."
)
GRADE_WORKER_NO_ANSWER = "değerlendirme süreci zamanında cevap vermedi"
GRADE_WORKER_CLOSED = "bağlantı kesildi"
GRADE_WORKER_UNTRUSTED = (
    "Değerlendirme sürecinin kimliği doğrulanamadı; cevabı kullanılmadı. Komutu yeniden deneyin."
)

# --- grading: comparing values --------------------------------------------------------------
CMP_NOT_TENSOR = "{what}: tensör bekleniyordu, {got} geldi."
CMP_NOT_TUPLE = "{what}: {n} öğeli bir demet (tuple) bekleniyordu, {got} geldi."
CMP_SHAPE = "{what}: şekil farklı; beklenen {expected}, gelen {actual}."
CMP_DTYPE = "{what}: veri tipi farklı; beklenen {expected}, gelen {actual}."
CMP_DEVICE = "{what}: cihaz farklı; beklenen {expected}, gelen {actual}. Sonucu girdinin cihazında oluşturun."
CMP_NONFINITE = (
    "{what}: {count} değer {kind} (ilki {index} konumunda), oysa beklenen değerler sonlu."
)
CMP_NONFINITE_EXPECTED = "{what}: {index} konumunda {expected} bekleniyordu, {actual} geldi."
CMP_VALUES = (
    "{what}: {total} elemandan {count} tanesi (%{percent}) tolerans dışında. "
    "En büyük mutlak fark {abs_diff:.3g}, {abs_index} konumunda (beklenen {expected:.6g}, gelen {actual:.6g}); "
    "en büyük göreli fark {rel_diff:.3g}, {rel_index} konumunda. Tolerans: atol={atol:g}, rtol={rtol:g}."
)
CMP_SCALAR_TENSOR = "{what}: beklenen {expected:.6g}, gelen {actual:.6g} (mutlak fark {diff:.3g}; tolerans: atol={atol:g}, rtol={rtol:g})."
CMP_EXACT = "{what}: {total} elemandan {count} tanesi farklı; ilki {index} konumunda (beklenen {expected}, gelen {actual})."
CMP_SCALAR = "{what}: beklenen {expected!r}, gelen {actual!r}."
LOOP_STATE_MISSING = "{what}: '{name}' parametresi ya da tamponu yok."
LOOP_NOTHING = "(hiçbir şey)"
CMP_FLOAT_GOT_TENSOR = (
    "{what}: Python sayısı (float) bekleniyordu, tek elemanlı bir tensör geldi (değeri {value:.6g}). "
    "Sonucu `.item()` ile Python sayısına çevirin."
)
CMP_INPUT_CHANGED = "{name} girdisi yerinde değiştirilmiş; girdiyi değiştirmeden yeni bir tensör döndürün (ör. `x = x.clone()` ya da yerinde olmayan işlemler)."
CMP_DETACHED = "{what} hesaplama çizgesinden kopuk (requires_grad=False); gradyan geri akamaz. .detach(), .item(), .numpy() ya da torch.tensor(...) ile yeniden sarmayı kullanmayın."
CMP_NO_GRAD = "{name} için gradyan hesaplanamadı (grad boş kaldı); çıktı bu girdiye bağlı olmalı."
CMP_GRAD_UPSTREAM = (
    "(Gradyanlar, çıktıya aynı rastgele ama sabit yukarıdan gelen gradyan g verilerek "
    "karşılaştırıldı: cikti.backward(g); yani beklenen değer ∂(g·çıktı)/∂girdi'dir.)"
)
WHAT_OUTPUT = "çıktı"
WHAT_GRAD = "{name} gradyanı"
WHAT_ITEM = "{what}[{i}]"
NONFINITE_NAN = "NaN"
NONFINITE_INF = "sonsuz (Inf)"
GRADE_MEMORY_EXCEPTION = (
    "Bellek yetmedi: {exc}. Çok büyük bir tensör ya da sonu gelmeyen bir liste olabilir."
)
GRADE_LEAF_INPLACE = (
    "Girdi yerinde değiştirilmiş (gradyan isteyen bir girdi üzerinde yerinde işlem). Girdiyi değiştirmeden "
    "yeni bir tensör döndürün; ör. `x[x < 0] = 0` yerine `torch.where(...)` ya da `x.clamp(...)`."
)
GRADE_SANDBOX = (
    "'{name}' bu alıştırmalarda kullanılamaz{where}: çözümün değil, değerlendirmenin kendisine "
    "uzanan bir araçtır. Çözümünüz buna ihtiyaç duymaz."
)
GRADE_TIMEOUT_IN_CASE = "bu denetim sırasında süre sınırı ({limit:g} sn) aşıldı"
GRADE_UNEXPECTED_VALUE = "Dönen değer beklenen biçimde değil ({exc})."
KIND_TENSOR = "tensör"
CASE_INPUTS = "(Girdiler: {inputs}.)"
CASE_NONCONTIGUOUS = ", bitişik olmayan (non-contiguous)"

# --- JSON Schema descriptions (shown by an instructor's editor while typing) -------------------
SCHEMA_DOCS = {
    "Manifest": "Ders paketinin bildirimi: paketin kimliği, adı ve derslerin sırası.",
    "Manifest.id": "Paketin kimliği; ilerleme kayıtları bu kimlikle tutulur.",
    "Manifest.title": "Paketin öğrenciye görünen adı.",
    "Manifest.lessons": "Ders dosyaları, gösterilecek sırayla (ör. lessons/01_tensorler.yaml).",
    "Lesson": "Bir ders: okuma bölümleri, örnekler, sınavlar, sözlük ve alıştırmalar.",
    "Lesson.id": "Dersin kimliği (küçük harf, rakam, '-' ve '_').",
    "Lesson.number": "Dersin sıra numarası.",
    "Lesson.title": "Dersin başlığı.",
    "Lesson.summary": "Dersin bir iki cümlelik özeti.",
    "Lesson.sections": "Okuma bölümleri, sırayla.",
    "Lesson.quiz": "Ders sonu sınavının soruları.",
    "Lesson.pre_quiz": "Ders öncesi sınavının soruları (isteğe bağlı).",
    "Lesson.glossary": "Dersin sözlük terimleri (İngilizce → Türkçe).",
    "Lesson.exercises": "Dersin alıştırmaları.",
    "Section": "Bir okuma bölümü: Markdown metin ve çalıştırılabilir örnekler.",
    "Section.title": "Bölüm başlığı.",
    "Section.body": "Bölümün Markdown metni.",
    "Section.examples": "Bölümün çalıştırılabilir kod örnekleri.",
    "Example": "Çalıştırılabilir bir kod örneği.",
    "Example.code": "Python kodu.",
    "Example.title": "Örneğin kısa başlığı.",
    "Example.output": "Kodun yazdırdığı çıktı.",
    "QuizQuestion": "Çoktan seçmeli bir soru.",
    "QuizQuestion.question": "Soru metni.",
    "QuizQuestion.choices": "Seçenekler (en az iki).",
    "QuizQuestion.answer": "Doğru seçeneğin sırası (0'dan başlar).",
    "QuizQuestion.explanation": "Cevaptan sonra gösterilen açıklama.",
    "Term": "Sözlük terimi.",
    "Term.en": "İngilizce terim.",
    "Term.tr": "Türkçe karşılığı.",
    "Term.description": "Kısa tanım.",
    "Exercise": "Bir alıştırma: açıklama, imza, dosyalar ve ipuçları.",
    "Exercise.id": "Alıştırmanın kimliği; `tutor submit KİMLİK` bunu alır.",
    "Exercise.title": "Alıştırmanın başlığı.",
    "Exercise.symbols": "Öğrencinin dosyasında tanımlaması gereken adlar.",
    "Exercise.signature": "Beklenen imza, Python sözdizimiyle.",
    "Exercise.statement": "Alıştırmanın Markdown açıklaması.",
    "Exercise.example": "Kullanım örneği (Python kodu).",
    "Exercise.starter": "Başlangıç dosyası (pakete göre göreli yol).",
    "Exercise.solution": "Örnek çözüm dosyası (pakete göre göreli yol); öğrenciye gösterilmez.",
    "Exercise.grader": "Değerlendirici dosyası (pakete göre göreli yol); GRADER adını tanımlar.",
    "Exercise.hints": "Kademeli ipuçları, en genelden en somuta (en az üç).",
    "Exercise.timeout_s": "Süre sınırı, saniye.",
    "Exercise.memory_mb": "Bellek sınırı, MiB.",
}


# --- the Textual app (tutor/app) -----------------------------------------------------------------
# Screen names and navigation
APP_MAP_TITLE = "Ders haritası"
APP_MAP_ROOT = "Dersler"
APP_MAP_SUMMARY = "Toplam: {passed}/{total} alıştırma geçti"
APP_MAP_NEXT = " · Sıradaki: {id}"
APP_MAP_EXERCISES = "{passed}/{total} alıştırma"
APP_MAP_QUIZ = "sınav {score}"
APP_MAP_READING = "Okuma ({n} bölüm)"
APP_MAP_LESSON_DETAIL = "{summary}\n\n**Bölümler**\n\n{sections}\n\n_Okumaya başlamak için dersin altındaki **Okuma** satırında `Enter` tuşuna basın._"
APP_MAP_EXERCISE_DETAIL = (
    "**{title}** (`{id}`)\n\n`{signature}`\n\nDurum: {status} · {attempts} deneme · en iyi puan %{best}\n\n"
    "_Açmak için `Enter`._"
)
APP_MAP_QUIZ_DETAIL = "**{quiz}**: {n} soru. Puanınız: {score}.\n\n_Başlamak için `Enter`._"
APP_QUIZ_NAMES = {"quiz": "Ders sonu sınavı", "pre_quiz": "Ders öncesi sınavı"}
APP_QUIZ_SCORE = "{correct}/{total}"
APP_QUIZ_NOT_TAKEN = "–/{total}"
APP_NO_QUIZ = "Bu derste böyle bir sınav yok."

# Lesson reader
APP_LESSON_TITLE = "Ders okuyucu"
APP_TOC_TOP = "Dersin başı"
APP_TOC_END = "Dersin sonu"
APP_LESSON_PRE_QUIZ_NOTE = (
    # The key as code (drawn as a key): a bare "o" reads as the word "o" (that).
    "Bu dersin {n} soruluk bir ders öncesi sınavı var: ne bildiğinizi görmek için `o` tuşuna basın."
)
APP_LESSON_END_EXERCISES = "Bu dersin alıştırmaları (sıradakini açmak için `a`):"
APP_LESSON_END_QUIZ = "Dersi bitirdiyseniz {n} soruluk ders sonu sınavını çözün: `b`."
APP_EXAMPLE_TITLE = "Örnek {label} — {title}"
APP_EXAMPLE_COPY_HINT = "c: kopyala"
APP_EXAMPLE_OUTPUT = "Çıktı:"
APP_COPIED = "Örnek {label} panoya kopyalandı ({tool} ile)."
APP_COPIED_TITLE = "Kopyalandı"
APP_COPY_NOTHING = "Ekranda kopyalanacak bir örnek yok. Tab ile bir örneğe gelip c tuşuna basın."

# Quiz
APP_QUIZ_HEADER = "{quiz} — {number}. {title} · Soru {index}/{total}"
APP_QUIZ_RIGHT = "✔ Doğru!"
APP_QUIZ_WRONG = "✘ Yanlış. Doğru cevap: {n}. {choice}"
APP_QUIZ_TO_NEXT = "_Sonraki soru için `Enter` ya da `n`._"
APP_QUIZ_TO_SUMMARY = "_Sonucu görmek için `Enter` ya da `n`._"
APP_QUIZ_RUNNING_SCORE = "Bu turda {answered} sorudan {right} doğru."
APP_QUIZ_DONE_TITLE = "{quiz} bitti — {number}. {title}"
APP_QUIZ_DONE = "**{total} sorudan {correct} tanesini doğru cevapladınız.**"
APP_QUIZ_ANSWER_FIRST = "Önce bir seçenek işaretleyin."

# Exercise
APP_EXERCISE_TITLE = "Alıştırma · {title}"
APP_EXERCISE_STATUS = "{id} · {number}. {lesson} · {status} · {attempts} deneme"
APP_EXERCISE_SOLUTION_SEEN = " · çözüme bakıldı"
APP_EXERCISE_FILE = "Dosyanız: "
APP_EXERCISE_EDIT = "  e: düzenle"
APP_SIGNATURE = "İmza"
APP_EXAMPLE = "Örnek"
APP_WATCH_BADGE_ON = "● İzleniyor"
APP_WATCH_BADGE_OFF = "○ İzleme kapalı"
APP_WATCH_ON = (
    "İzleme açık: dosyayı her kaydettiğinizde çözümünüz yeniden değerlendirilir (kapatmak için w)."
)
APP_WATCH_OFF = "İzleme kapalı: değerlendirmek için g, yeniden açmak için w."
APP_EDITOR_NO_SUSPEND = "Bu ortamda düzenleyici açılamıyor. Dosyanızı kendiniz açın: {path}"
APP_EDITOR_FAILED = (
    "Düzenleyici ({editor}) başlatılamadı: {error}. EDITOR ortam değişkenini ayarlayın "
    "(ör. export EDITOR=nano)."
)
APP_EDITOR_NONE = (
    "Bu makinede bir düzenleyici bulunamadı. Dosyanızı kendiniz açın ({path}) ya da EDITOR "
    "ortam değişkenini ayarlayın (ör. export EDITOR=nano)."
)
APP_EDITOR_CHOICE_TITLE = "Düzenleyici seçilmemiş"
APP_EDITOR_CHOICE = (
    "EDITOR ortam değişkeni ayarlı değil. Dosyanız {editor} ile açılacak; işiniz bitince "
    "kaydedip düzenleyiciden çıkın, uygulama kaldığı yerden sürer.\n\n"
    "Başka bir düzenleyici için uygulamayı kapatıp örneğin şunu çalıştırın: "
    'export EDITOR="code --wait"'
)
APP_EDITOR_OPEN = "{editor} ile aç"
APP_CANCEL = "Vazgeç"
APP_HINTS_TITLE = "İpuçları · {taken}/{total}"
APP_HINTS_NONE = "Takılırsanız i ile ilk ipucunu alın ({total} ipucu var)."
APP_HINTS_MORE = "Sıradaki ipucu için i."
APP_HINTS_LAST = "Bu son ipucuydu. Örnek çözümün tamamını görmek isterseniz c."
APP_HINT_HEADER = "İpucu {level}/{total}"
APP_HINT_NEW = "İpucu {level}/{total} açıldı; ipuçları panelinde."
APP_HINTS_ALL_SEEN = (
    "Bütün ipuçlarını gördünüz. Dersi yeniden okuyabilir ya da c ile örnek çözüme bakabilirsiniz."
)
APP_SOLUTION_CONFIRM_TITLE = "Örnek çözüm gösterilsin mi?"
APP_SOLUTION_CONFIRM = (
    "Örnek çözümün tamamı gösterilecek. Çözümü görmek, alıştırmayı kendiniz çözme fırsatını "
    "kapatır; baktığınız ilerlemenize kaydedilir. Önce ipuçlarını (i) denediniz mi?"
)
APP_SOLUTION_SHOW = "Çözümü göster"
APP_SOLUTION_TITLE = "Örnek çözüm (baktığınız kaydedildi)"
APP_PASSED_NOTE = "Tebrikler, '{id}' alıştırmasını geçtiniz! Sıradakine geçmek için n."
APP_NEXT_AFTER_PASS = "Sıradaki alıştırmaya geçmek için n."
APP_FRESH_CASES = "Yeni rastgele girdiler çekildi; dosyanız bu girdilerle değerlendiriliyor."

# Results panel
APP_RESULTS_TITLE = "Sonuç"
APP_RESULTS_EMPTY = "Henüz değerlendirilmedi. Çözümünüzü yazıp g ile gönderin."
APP_GRADING_STARTING = "Değerlendiriliyor…"
APP_GRADING_STARTED = "Değerlendiriliyor: {total} denetim"
APP_GRADING_CASE = "Değerlendiriliyor: {name} ({index}/{total})"
# How far a training case has got, after the case's line: "… (2/4) · dönem 3/10".
GRADING_EPOCH_OF = " · dönem {epoch}/{of}"
GRADING_EPOCH = " · dönem {epoch}"
GRADING_STEPS = " · {steps} adım"
APP_GRADING_PROBLEM = "Değerlendirme yapılamadı: {message}"
APP_DURATION_FIXED = "— sn"
APP_VERDICT_STALE = (
    "Bu sonuç dosyanızın önceki hâline ait: dosya değerlendirmeden sonra değişti. Yeniden "
    "değerlendirmek için g."
)
APP_VERDICT_STALE_BADGE = "eski sonuç"
APP_VERDICT_REPLAY = "Bu sonuç --seed ile yapılmış bir tekrardan; geçti olarak sayılmadı."
APP_VERDICT_SUMMARY_ONLY = (
    "Son deneme: {state}, puan {score}. Ayrıntıları görmek için yeniden değerlendirin (g)."
)
APP_VERDICT_OUTPUT = "Kodunuzun çıktısı:"
APP_VERDICT_REPLAY_LABEL = "Aynı çalıştırmayı tekrarlamak için:"
APP_VERDICT_EXPAND = (
    "Bu denetimlerden birinin iletisinin tamamı için Tab ile üstüne gelip Enter'a basın ya da "
    "tıklayın."
)
APP_SERIES = "Kayıp eğrisi: {n} ölçüm, {first} → {last} (en düşük {low})"
APP_SERIES_NONFINITE = " · {n} değer NaN ya da sonsuz, çizilmedi"
APP_CURVE_YOURS = "kodunuz"
APP_CURVE_REFERENCE = "örnek çözüm"
APP_CURVE_X = "ölçüm"

# Glossary
APP_GLOSSARY_TITLE = "Sözlük"
APP_GLOSSARY_PLACEHOLDER = "Terim arayın: Türkçe ya da İngilizce (ör. ağırlık, agirlik, weight)"
APP_GLOSSARY_TR = "Türkçe"
APP_GLOSSARY_EN = "İngilizce"
APP_GLOSSARY_LESSON = "Ders"
APP_GLOSSARY_COUNT = "{total} terimden {n} tanesi gösteriliyor."
APP_GLOSSARY_NONE = "'{query}' için terim bulunamadı."
APP_GLOSSARY_EMPTY_PACK = "Bu pakette sözlük terimi yok."
APP_GLOSSARY_WHERE = "Geçtiği ders: {lessons}"

# Help, command palette, background work
APP_HELP_TITLE = "Yardım"
APP_HELP_CLOSE = "Kapatmak için Esc, F1 ya da q."
APP_HELP_KEY = "Tuş"
APP_HELP_DOES = "Ne yapar"
APP_HELP_DETAIL = "Ayrıntı"
APP_KEY_SCOPES = {
    "app": "Her ekranda",
    "map": "Ders haritası",
    "lesson": "Ders okuyucu",
    "quiz": "Sınav",
    "exercise": "Alıştırma",
    "glossary": "Sözlük",
    "help": "Yardım ekranı",
    "confirm": "Onay soruları",
}
APP_PALETTE_PLACEHOLDER = "Ders, alıştırma ya da terim arayın…"
APP_PALETTE_LESSON = "Ders {number}: {title}"
APP_PALETTE_QUIZ = "{quiz}: {number}. {title}"
APP_PALETTE_QUIZ_HELP = "{n} soru"
APP_PALETTE_EXERCISE = "Alıştırma: {id} — {title}"
APP_PALETTE_EXERCISE_HELP = "{number}. {lesson} · {status}"
APP_PALETTE_TERM = "Sözlük: {tr} ({en})"
APP_PALETTE_TERM_HELP = "{number}. {title}"
APP_CMD_HELP = "Yardım"
APP_CMD_HELP_HELP = "Tuşları ve ekranları anlatan yardım sayfasını açar."
APP_CMD_GLOSSARY = "Sözlük"
APP_CMD_GLOSSARY_HELP = "Bütün terimleri Türkçe ve İngilizce arar."
APP_CMD_HOME = "Ders haritası"
APP_CMD_HOME_HELP = "Açılış ekranına döner."
APP_CMD_THEME = "Tema"
APP_CMD_THEME_HELP = "Renk temasını değiştirir."
APP_CMD_QUIT = "Çık"
APP_CMD_QUIT_HELP = "Uygulamayı kapatır; bir dahaki açılışta kaldığınız yerden devam edersiniz."
APP_WARM_UP_FAILED = (
    "Değerlendirme süreci arka planda başlatılamadı ({error}); ilk gönderimde yeniden denenecek."
)

# Keys: binding id → (footer label, help line). Ids and keys live in tutor/app/keymap.py.
APP_KEYS = {
    "app.help": ("Yardım", "Bu yardım sayfasını açar."),
    "app.palette": (
        "Komutlar",
        "Komut paleti: bir derse, sınava, alıştırmaya ya da terime adıyla atlayın.",
    ),
    "app.glossary": ("Sözlük", "Bütün terimleri arayabileceğiniz sözlüğü açar."),
    "app.home": ("Harita", "Ders haritasına döner."),
    "app.quit": ("Çık", "Uygulamayı kapatır; kaldığınız yer saklanır."),
    "app.quit_always": ("Çık", "Her durumda çıkar, bir yazı alanındayken de."),
    "common.back": ("Geri", "Bir önceki ekrana döner."),
    "map.open": (
        "Aç",
        "Seçili okumayı, sınavı ya da alıştırmayı açar; bir dersin altındakileri açar ya da kapatır.",
    ),
    "map.next": ("Sıradaki", "Henüz geçmediğiniz ilk alıştırmayı açar."),
    "map.move": ("Gezin", "Haritada yukarı ve aşağı gider."),
    "map.expand": ("Aç/kapat", "Bir dersin altındakileri açar ya da kapatır."),
    "lesson.toc": (
        "İçindekiler",
        "İçindekiler listesine geçer (kapalıysa açar); bir bölüme atlamak için Enter, listeyi"
        " kapatmak için Esc ya da yeniden t.",
    ),
    "lesson.copy": (
        "Kopyala",
        "Seçili örneğin kodunu panoya kopyalar; seçili örnek yoksa ekrandaki ilk örneği.",
    ),
    "lesson.quiz": ("Sınav", "Ders sonu sınavını başlatır."),
    "lesson.pre_quiz": ("Ön sınav", "Ders öncesi sınavını başlatır."),
    "lesson.exercise": ("Alıştırma", "Bu dersin henüz geçmediğiniz ilk alıştırmasını açar."),
    "lesson.focus": ("Örnekler", "Sonraki ya da önceki örneğe geçer."),
    "lesson.scroll": ("Kaydır", "Metni kaydırır."),
    "quiz.choose": ("Seç", "O numaralı seçeneği cevap olarak verir."),
    **{f"quiz.choose{n}": ("Seç", "O numaralı seçeneği cevap olarak verir.") for n in range(2, 10)},
    "quiz.next": ("Sonraki", "Sonraki soruya geçer."),
    "quiz.restart": (
        "Baştan",
        "Sınavı yeni bir denemeyle baştan çözer; seçeneklerin yeri değişir. Yarım bırakılan deneme"
        " puanınızı değiştirmez.",
    ),
    "quiz.select": (
        "Seçenek",
        "Oklarla bir seçeneğe gelip Enter ile cevaplayın; cevaptan sonra Enter yalnızca sonraki"
        " soruya geçer, yeni soruyu cevaplamaz.",
    ),
    "exercise.edit": (
        "Düzenle",
        "Dosyanızı düzenleyicinizde ($EDITOR) açar; siz çıkınca uygulama kaldığı yerden sürer.",
    ),
    "exercise.submit": (
        "Gönder",
        "Dosyanızı değerlendirir; sonuç, sonuç panelinde görünür. Aynı dosya hep aynı sonucu alır.",
    ),
    "exercise.hint": (
        "İpucu",
        "Sıradaki ipucunu gösterir; ipuçları birer birer, genelden somuta doğru açılır.",
    ),
    "exercise.watch": (
        "İzle",
        "Kaydettiğinizde kendiliğinden değerlendirmeyi açar ya da kapatır; açarken dosyanız "
        "son sonuçtan sonra değiştiyse hemen değerlendirir.",
    ),
    "exercise.panes": ("Panel", "Açıklama, sonuç ve ipuçları arasında geçer."),
    "exercise.next": (
        "Sıradaki",
        "Geçtiğiniz bir alıştırmadan sonra, henüz geçmediğiniz sıradaki alıştırmayı açar.",
    ),
    "exercise.fresh": (
        "Yeni girdiler",
        "Yeni rastgele girdiler çekip yeniden değerlendirir. O zamana dek aynı dosya hep aynı "
        "girdilerle, aynı sonucu alır.",
    ),
    "exercise.solution": (
        "Çözüm",
        "Örnek çözümün tamamını gösterir; önce onay ister, baktığınız ilerlemenize kaydedilir.",
    ),
    "exercise.maximize": ("Büyüt", "Seçili paneli ekranın tamamına büyütür ya da geri alır."),
    "glossary.search": ("Ara", "Arama kutusuna döner."),
    "glossary.down": ("Aşağı", "Arama kutusundayken listede aşağı iner."),
    "glossary.up": ("Yukarı", "Arama kutusundayken listede yukarı çıkar."),
    "glossary.type": (
        "Yazın",
        "Yazdıkça liste süzülür; büyük-küçük harf ve Türkçe harfler fark etmez (isik = ışık = IŞIK).",
    ),
    "help.close": ("Kapat", "Yardımı kapatır."),
    "confirm.cancel": ("Vazgeç", "Soruyu kapatır; hiçbir şey yapılmaz."),
    "confirm.choose": ("Seç", "Tab ile düğmeler arasında geçip Enter ile seçin."),
}

# --- tutor doctor (tutor/doctor.py) ---------------------------------------------------------------
PROTECTION_NAMES = {
    "landlock_fs": "Landlock dosya sistemi kuralları (yalnızca Python kurulumu okunur, yalnızca "
    "özel geçici klasöre yazılır)",
    "landlock_net": "Landlock ağ kuralları (TCP bağlantısı ve dinleme yok)",
    "landlock_scope": "Landlock kapsamı (dışarıya sinyal ve soyut soket yok)",
    "userns": "kullanıcı ad alanı (user namespace)",
    "pidns": "PID ad alanı (öğrencinin başlattığı her süreç onunla biter)",
    "netns": "ağ ad alanı (hiç ağ yok)",
    "ipcns": "IPC ad alanı",
    "nobody": "yetkisiz kullanıcıya (nobody) geçiş",
    "rlimits": "kaynak sınırları (bellek, CPU zamanı, dosya boyutu, süreç, açık dosya)",
    "env": "temizlenmiş ortam değişkenleri",
    "tmpdir": "özel geçici çalışma klasörü",
}
DOCTOR_TITLE = "tutor doctor: bu makine ve öğrenci kodunun çalıştığı süreç"
DOCTOR_DEVICE = "değerlendirme cihazı (auto)"
DOCTOR_USERNS = "ayrıcalıksız ad alanları"
DOCTOR_YES = "var"
DOCTOR_NO = "yok"
DOCTOR_PROTECTIONS = "Öğrenci kodunun süreci (gerçek bir deneme değerlendirmesinde):"
DOCTOR_ACTIVE = "etkin"
DOCTOR_INACTIVE = "sistemde var ama etkin değil"
DOCTOR_ABSENT = "bu sistemde yok"
DOCTOR_CLASS_OK = "Sınıf değerlendirmesi (tutor grade) için gereken korumalar etkin."
DOCTOR_CLASS_MISSING = (
    "Sınıf değerlendirmesi için gereken korumalar eksik: {names}. Öğrenci kodu paketi ya da "
    "başka öğrencilerin dosyalarını okuyabilir; tutor grade bunlar olmadan çalışmaz (bilerek "
    "çalıştırmak için: --allow-unprotected)."
)
DOCTOR_WORKER = "Değerlendirme süreci: pid {pid} · soket {socket} · günlük {log}"
DOCTOR_PACK = "Seçili paket: {id} ({path})"
DOCTOR_PROBE_FAILED = "Deneme değerlendirmesi yapılamadı: {exc}"
DOCTOR_PROBE_WRONG = "Deneme değerlendirmesi beklenmedik biçimde kaldı: {problem}"
DOCTOR_NOT_ACTIVE = "Sistemde var ama öğrenci sürecinde etkin değil: {name}."
DOCTOR_WHY = {
    "nobody": (
        " tutor root olarak çalışıyor ama Python kurulumu başka kullanıcılarca okunamıyor (ör. "
        "/root altında); öğrenci kodu bu yüzden root kimliğiyle, ama yine Landlock ve ad "
        "alanları içinde çalışıyor. Python'u herkesin okuyabileceği bir yere kurmak bunu açar"
    ),
}

# --- the app: quizzes that measure, the reader, resume, Textual's own texts (issue 10) -------------
# Quiz attempts
# A digit answers at once: the text must not ask for an Enter after it (that Enter would go on
# to the next question before the explanation was read).
APP_QUIZ_CHOOSE = (
    "_Cevaplamak için seçeneğin rakamına basın (1–{n}) ya da oklarla seçeneğe gelip `Enter`'a "
    "basın._"
)
APP_QUIZ_CONTINUING = "Yarım kalan denemenize devam ediyorsunuz. Baştan başlamak için r."
APP_QUIZ_STANDING = "Bu sınavı {attempts} kez bitirdiniz; en iyi sonucunuz {best}/{total}."
APP_QUIZ_REVIEW_TITLE = "### Yanlış cevaplarınız"
APP_QUIZ_REVIEW_ITEM = (
    "**{index}. soru.** {question}\n\n"
    "- Cevabınız: ✘ {given}\n"
    "- Doğru cevap: ✔ {right}\n\n"
    "{explanation}"
)
APP_QUIZ_ALL_RIGHT = "Bütün soruları doğru cevapladınız. Tebrikler!"
APP_QUIZ_AGAIN = "_Yeniden çözmek için `r` (seçeneklerin yeri değişir), geri dönmek için `Esc`._"
APP_QUIZ_SCORE_BEST = "{last}/{total} (en iyi {best})"

# Reading progress on the course map
APP_MAP_READING_PROGRESS = "Okuma ({read}/{total} bölüm okundu)"
APP_MAP_LESSON_READ = "≡ {read}/{total}"

# Copying an example: said to have worked only when a clipboard tool confirmed it.
APP_COPY_SENT_TITLE = "Kopyalama isteği gönderildi"
APP_COPY_SENT = (
    "Örnek {label}: kod, terminale OSC 52 isteğiyle gönderildi. Terminaliniz bu isteği"
    " desteklemiyorsa pano değişmemiştir; yapıştırıp deneyin. Olmazsa kodu fareyle seçip"
    " kopyalayın (uygulamanın içinde çoğu terminalde Shift basılıyken). tmux'ta isteğin geçmesi"
    " için: set -g set-clipboard on"
)

# The first run
APP_WELCOME = (
    "**Hoş geldiniz!** Bu kurs derslerden, sınavlardan ve alıştırmalardan oluşur. Başlamak için"
    " ilk dersin **Okuma** satırında `Enter` tuşuna basın. Sıradaki alıştırmaya geçmek için `d`,"
    " bütün tuşlar için `F1`. Bu yazı yalnızca ilk açılışta görünür."
)

# Textual's own texts, in Turkish
APP_QUIT_HINT_TITLE = "Çıkmak mı istiyorsunuz?"
APP_QUIT_HINT = (
    "Çıkmak için q tuşuna basın (bir yazı alanındayken Ctrl+Q); kaldığınız yer saklanır."
)
APP_PALETTE_NO_MATCHES = "Eşleşen bir şey bulunamadı."
APP_THEME_PLACEHOLDER = "Tema arayın…"

# --- grading modules (tutor/grading/modules.py) ---------------------------------------------------
# (module grader strings go here)
MOD_INIT_NONFINITE = (
    "'{name}' NaN ya da sonsuz değerlerle başlıyor. Parametreleri ve tamponları sonlu "
    "değerlerle başlatın (ör. nn.init.uniform_ ya da torch.zeros)."
)
MOD_NONE = "yok"
MOD_KIND_PARAMETER = "nn.Parameter"
MOD_NOT_MODULE = (
    "{symbol} bir nn.Module alt sınıfı olmalı (`class {symbol}(nn.Module):` ve __init__ içinde "
    "`super().__init__()`); oluşturulan nesnenin türü {type}."
)
MOD_NO_FORWARD = (
    "{symbol} sınıfında forward yöntemi yok. Modülün ne hesapladığını `def forward(self, ...)` içinde "
    "yazın; `modul(x)` çağrısı (__call__) forward'ı çağırır."
)
MOD_PARAM_NAMES = (
    "Parametre adları PyTorch'takilerle aynı olmalı; state_dict bu adlarla kaydedilir ve yüklenir. "
    "Beklenen: {expected}; sizinkiler: {actual} (eksik: {missing}; beklenmeyen: {unexpected})."
)
MOD_PLAIN_PARAM = (
    "{name} düz tensör olarak saklanmış, nn.Parameter olarak değil: model.parameters() onu görmez, "
    "eniyileyici onu güncelleyemez ve state_dict'e girmez. `self.{name} = nn.Parameter(...)` biçiminde "
    "yazın."
)
MOD_PARAM_AS_BUFFER = (
    "{name} bir parametre (nn.Parameter) olmalı; siz tampon (buffer) olarak kaydetmişsiniz, bu yüzden "
    "eğitilmez."
)
MOD_BUFFER_AS_PARAM = (
    "{name} bir tampon (buffer) olmalı, parametre değil: gradyanla eğitilmez, ileri geçişte güncellenir. "
    "`self.register_buffer('{name}', ...)` ile kaydedin."
)
MOD_PLAIN_BUFFER = (
    "{name} düz bir öznitelik olarak saklanmış; `self.register_buffer('{name}', ...)` ile kaydedin ki "
    "state_dict'e girsin ve .to(cihaz) ile modülle birlikte taşınsın."
)
MOD_MISSING_BUFFER = (
    "{name} tamponu (buffer) yok; `self.register_buffer('{name}', ...)` ile kaydedin."
)
MOD_UNEXPECTED_BUFFER = "Beklenmeyen tampon (buffer): {names}. Beklenenler: {expected}."
MOD_SHAPE = "{name} şekli {expected} olmalı{doc}; sizinki {actual}."
MOD_DTYPE = "{name} veri tipi {expected} olmalı; sizinki {actual}."
MOD_NO_REQUIRES_GRAD = (
    "{name} gradyan istemiyor (requires_grad=False); parametreler eğitilebilmeli. nn.Parameter(...) "
    "varsayılan olarak gradyan ister."
)
MOD_STATE_KEYS = (
    "state_dict anahtarları PyTorch'takilerle aynı olmalı: eksik {missing}; beklenmeyen {unexpected}. "
    "(persistent=False ile kaydedilen tamponlar state_dict'e girmez.)"
)
MOD_ATTR_MISSING = (
    "self.{name} tanımlı değil; PyTorch'taki gibi None olarak tanımlayın: "
    "`self.register_parameter('{name}', None)`."
)
MOD_SHOULD_BE_NONE = (
    "Bu kurulumda self.{name} None olmalı (PyTorch'taki gibi); sizde {actual}. "
    "`self.register_parameter('{name}', None)` yazın."
)
MOD_PARAM_COUNT = "Parametre sayısı {expected} olmalı; sizinki {actual}."
MOD_INIT_OUT_OF_RANGE = (
    "{name} başlangıç değerleri ±{bound:.4g} ({label}) aralığının dışında: en büyük mutlak değer "
    "{largest:.4g}. PyTorch'taki gibi U(-{label}, {label}) düzgün dağılımıyla başlatın."
)
MOD_INIT_NOT_SPREAD = (
    "{name} başlangıçta neredeyse sabit (standart sapma {std:.3g}); bütün ağırlıklar aynı başlarsa "
    "aynı gradyanı alır ve hep aynı kalır. U(-{label}, {label}) ile rastgele başlatın (sınır ±{bound:.4g})."
)
MOD_INIT_CONSTANT = (
    "{name} başlangıçta her yerde {value:g} olmalı (PyTorch'taki gibi); sizinki {index} konumunda "
    "{actual:.4g}."
)
MOD_STEP = "{index}. adım ({mode}): {problem}"
MOD_MODE_TRAIN = "eğitim kipi, train()"
MOD_MODE_EVAL = "değerlendirme kipi, eval()"
MOD_AFTER_RELOAD = ", load_state_dict ile yeni değerler yüklendikten sonra"
MOD_SHORT_TRAIN = "eğitim"
MOD_SHORT_EVAL = "değerlendirme"
MOD_NO_PARAM_GRAD = (
    "{name} parametresi için gradyan hesaplanamadı (grad boş kaldı); çıktı bu parametreye bağlı olmalı "
    "ve .detach() ya da .data ile çizgeden koparılmamalı."
)
MOD_WHAT_PARAM_GRAD = "{name} parametresinin gradyanı"
MOD_WHAT_STATE = "Adımdan sonra {name}"
MOD_BUFFER_IN_GRAPH = (
    "{name} tamponu hesaplama çizgesine bağlı kalmış (requires_grad=True). Tamponu güncellerken "
    "`with torch.no_grad():` içinde ya da .detach() edilmiş değerlerle güncelleyin."
)
MOD_CASE = "(Kurulum: {ctor}; adımlar: {steps}.)"

# --- grading optimizers (tutor/grading/optim.py) ---------------------------------------------------
# (optimizer grader strings go here)
OPT_DIVERGED = (
    "Parametreler {step}. adımda ayrışıyor: {param} parametresinde en büyük fark {diff:.3g}, "
    "{index} konumunda (beklenen {expected:.6g}, gelen {actual:.6g}); {total} elemandan {count} "
    "tanesi tolerans dışında (atol={atol:g}, rtol={rtol:g})."
)
OPT_AFTER_STEP = "{step}. adımdan sonra {what}"
OPT_PARAM = "{name} parametresi"
OPT_NOT_LEAF = (
    "{step}. adımdan sonra {param} artık gradyan isteyen bir yaprak tensör değil "
    "(requires_grad={requires_grad}, grad_fn={grad_fn}). Parametreyi yerinde güncelleyin "
    "(`p.add_(...)`) ve `requires_grad` ayarını değiştirmeyin."
)
OPT_GRAPH_RECORDED = (
    "step() sırasında autograd, parametreyle yapılan bir hesabı hesaplama çizgesine kaydetti"
    "{where}. Güncelleme gradyan izlenmeden yapılmalı: step'i `@torch.no_grad()` ile "
    "süsleyin ya da gövdesini `with torch.no_grad():` içine alın."
)
OPT_LEAF_INPLACE = (
    "step() gradyan isteyen bir parametreyi torch.no_grad() dışında yerinde değiştirmeye "
    "çalıştı{where}; PyTorch buna izin vermez. Step'i `@torch.no_grad()` ile süsleyin ya da "
    "güncellemeyi `with torch.no_grad():` içinde yapın."
)
OPT_ZERO_GRAD = (
    "zero_grad() gradyanları temizlemedi: {param} için grad ne None ne de sıfır. zero_grad, "
    "her parametrenin gradyanını None yapmalı (ya da sıfırlamalı)."
)
OPT_STEP_COUNT = "Beklenen {expected} adımın yalnızca {actual} tanesinin sonucu geldi."
OPT_CASE_DESCRIPTION = "(Durum: {params}; {settings}{missing}; {steps} adım.)"
OPT_CASE_PARAMS = "parametreler {items}"
OPT_CASE_GROUPS = "parametre grupları {items}"
OPT_CASE_DEFAULTS = "varsayılan ayarlar"
OPT_CASE_SETTINGS = "ayarlar: {items}"
OPT_CASE_MISSING = "; gradyanı None olan: {items}"
OPT_CASE_MISSING_ALWAYS = "{name} (bütün adımlarda)"
OPT_CASE_MISSING_RANGE = "{name} ({first}–{last}. adımlarda)"
OPT_CASE_GRAD_SCALE = "gradyan ölçeği {scale:g}"

# --- grading losses and autograd exercises ---------------------------------------------------------
# (other grader strings go here)
# losses (tutor/grading/losses.py)
LOSS_NOT_REDUCED = (
    "Kayıp tek bir sayı olmalı (şekli () olan, 0 boyutlu bir tensör): eleman başına kayıpların "
    "ortalamasını alın (`.mean()`)."
)
LOSS_PYTHON_NUMBER = (
    "`.item()` ya da `float(...)` kaybı hesaplama çizgesinden koparır ve gradyan geri akamaz; "
    "sonucu 0 boyutlu bir tensör olarak döndürün."
)
LOSS_VALUE = (
    "Kayıp değeri tolerans dışında: beklenen {expected:.6g}, gelen {actual:.6g} (mutlak fark "
    "{abs_diff:.3g}, göreli fark {rel_diff:.3g}; tolerans: atol={atol:g}, rtol={rtol:g})."
)
LOSS_NONFINITE = "Kayıp {actual} çıktı, oysa beklenen değer sonlu: {expected:.6g}."
LOSS_MULTIPLE = " Gelen değer beklenenin tam {k} katı: ortalama yerine toplam mı alındı?"

# autograd exercises (tutor/grading/autograd_checks.py)
AUTOGRAD_NOT_FUNCTION = (
    "'{name}' bir torch.autograd.Function alt sınıfı olmalı, oysa {got}. "
    "`class {name}(torch.autograd.Function):` diye başlayın; forward ve backward'ı "
    "@staticmethod olarak yazın."
)
AUTOGRAD_GOT_PLAIN_CLASS = "torch.autograd.Function'dan türetilmemiş bir sınıf tanımlanmış"
AUTOGRAD_GOT_OBJECT = "bir sınıf değil, {type} türünde bir nesne tanımlanmış"
AUTOGRAD_IN_BACKWARD = " (backward içinde)"
AUTOGRAD_NO_RECORDER = "Değerlendiricinin çağrı izleyicisi bulunamadı; backward denetlenemedi."
AUTOGRAD_GRADCHECK_FAILED = (
    "torch.autograd.gradcheck (float64) başarısız: backward'ın verdiği gradyan, sonlu farklarla "
    "sayısal olarak bulunan gradyanla uyuşmuyor. gradcheck'in iletisi: {error}"
)
AUTOGRAD_GRADCHECK_ALSO = "gradcheck de başarısız: {error}"

# --- instructors: packs, validation, class grading, exports (tutor/pack, validate, batch) -------
SCHEMA_DOCS.update(
    {
        "Manifest.edition": (
            "Paketin sürümü: 'full' (eğitmen: örnek çözümler ve bilinen yanlış gönderimler "
            "dahil) ya da 'student' (`tutor pack build --student` yazar; çözümler yoktur)."
        ),
        "Exercise.points": (
            "Alıştırmanın puanı (varsayılan 1). Sınıf raporlarında öğrencinin aldığı puan, "
            "geçen denetimlerin ağırlıkları oranında bu puandan hesaplanır."
        ),
    }
)
SCHEMA_ENUM = "'{value}' olamaz; şunlardan biri olmalı: {options}."
SCHEMA_MAXIMUM = "değer en çok {n} olabilir, {got} verildi."
SCHEMA_NOT_A_NUMBER = "değer bir sayı olmalı (NaN verildi)."
PACK_FILE_TOO_BIG = (
    "dosya çok büyük ({limit} KiB sınırı bu satırda aşılıyor); bir paket dosyası bu kadar "
    "büyük olamaz. Dosyayı bölün ya da büyük veriyi paketin dışında tutun."
)
PACK_WINDOWS_1254 = (
    "dosya UTF-8 değil, Windows-1254 (Türkçe Windows) kodlamasıyla kaydedilmiş. UTF-8'e "
    "çevirmek için (özgün dosya .bak uzantısıyla saklanır): tutor pack validate --fix-encoding {root}"
)
PACK_YAML_TOO_MANY_NODES = (
    "YAML takma adları (alias, *ad) açıldığında dosya {limit} öğeyi aşıyor; takma adları "
    "iç içe kullanmayın, tekrarlanan metni açıkça yazın."
)
PACK_YAML_TOO_DEEP = "YAML yapısı çok derin (en çok {limit} düzey iç içe geçebilir)."
PACK_YAML_ALIAS_LOOP = (
    "YAML takma adı (alias) kendini içeriyor; böyle bir yapı sonsuza dek açılır. Takma adı "
    "kaldırın."
)
PACK_ENCODING_FIXED_1254 = "{file}: Windows-1254'ten UTF-8'e çevrildi (yedek: {backup})."
JOBS_DEADLINE = (
    "değerlendirme {seconds} sn içinde bitmedi; değerlendirici ya da referans takılıyor olabilir"
)
VALIDATE_STUDENT_EDITION = (
    "bu bir öğrenci sürümü (edition: student): örnek çözümler ve bilinen yanlış gönderimler "
    "yok, bu yüzden değerlendirilerek denetlenemez. Tam paketi denetleyin."
)
VALIDATE_SYMBOLS_MISMATCH = (
    "symbols listesi ({symbols}) değerlendiricinin çağırdığı adlarla ({declared}, {grader}) "
    "uyuşmuyor; ikisini aynı yapın."
)
VALIDATE_SOLUTION_FAILED = "örnek çözüm geçmedi (tohum {seed}): {detail}"
VALIDATE_FLAKY = (
    "değerlendirici kararsız: örnek çözüm {total} tohumun yalnızca {passed} tanesinde geçti "
    "(tohum {seed}: {detail}). Toleransları ya da rastgele girdilerin aralığını gözden geçirin."
)
VALIDATE_GRADER_FAULT = "değerlendiricide hata (öğrenci gönderimleri değerlendirilemez): {detail}"
VALIDATE_COULD_NOT_GRADE = "değerlendirilemedi (değerlendiricinin girdileri ya da referansı hata vermiş olabilir): {detail}"
VALIDATE_WRONG_SKIPPED_DEVICE = (
    "Not: şu {n} bilinen yanlış gönderimin hatası yalnızca {device} üzerinde ortaya çıkar, bu "
    "yüzden bu doğrulamada denenmedi: {files}. Denemek için: tutor pack validate {dir} "
    "--device {device}"
)
VALIDATE_WRONG_PASSED = "bilinen yanlış gönderim geçti; değerlendirici bu hatayı yakalamıyor: {bug}"
VALIDATE_WRONG_KIND = "'{kind}' türünde bir hata bekleniyordu, {got} geldi."
VALIDATE_NO_ERROR = "hata yok"
VALIDATE_WRONG_MESSAGE = "ileti '{words}' sözlerini içermiyor; gelen ileti: {got}"
VALIDATE_WRONG_NO_CHECK = "'{name}' adında bir denetim yok; denetimler: {names}"
VALIDATE_WRONG_CHECK_PASSED = "'{name}' denetimi geçti; gönderim başka bir yerden kaldı: {problem}"
VALIDATE_WRONG_HEADER = (
    "bilinen yanlış gönderimin başlığı eksik ({missing}); dosya '# hata:', '# beklenen-denetim:' "
    "(ya da '# beklenen-hata:') ve '# beklenen-mesaj:' satırlarıyla başlamalı."
)
VALIDATE_WRONG_UNKNOWN = (
    "'{id}' adında bir alıştırma yok; wrong/ altındaki klasör adı bir alıştırma kimliği olmalı."
)
VALIDATE_RUNNING_EXAMPLES = "Ders örnekleri çalıştırılıyor ({n} ders)..."
VALIDATE_SEEDS = "Her örnek çözüm {n} tohumla değerlendiriliyor."
VALIDATE_EXAMPLE_ERROR = "'{title}' örneği hata verdi: {error}"
VALIDATE_EXAMPLE_TIMEOUT = "'{title}' örneği süre sınırında bitmedi."
VALIDATE_EXAMPLE_OUTPUT = (
    "'{title}' örneğinin çıktısı dersin gösterdiğinden farklı: ders '{expected}' gösteriyor, "
    "kod '{got}' yazdırıyor."
)
VALIDATE_NOTHING = "(hiçbir şey)"
PACK_CHOICE_GONE = (
    "'tutor pack use' ile seçilen paket '{path}' artık yok. Başka bir paket seçin "
    "(tutor pack use KLASÖR) ya da yerleşik pakete dönün (tutor pack use --builtin)."
)
PACK_CHOICE_ENV_GONE = (
    "{var} ortam değişkeninin gösterdiği '{path}' bir ders paketi değil (pack.yaml yok)."
)
EDITION_ALREADY_STUDENT = "'{path}' zaten bir öğrenci sürümü; öğrenci sürümü tam paketten yapılır."
EDITION_OUT_NOT_EMPTY = (
    "'{path}' boş değil; öğrenci sürümü için boş ya da olmayan bir klasör verin."
)
CLI_EDITION_DONE = (
    "Öğrenci sürümü yazıldı: {path} ({n} dosya; örnek çözümler ve bilinen yanlış gönderimler "
    "dışarıda bırakıldı)."
)
CLI_EDITION_NEXT = "Öğrencileriniz şöyle seçer: tutor pack use {path}"
CLI_PACK_USE_DONE = (
    "Seçili paket: {title} ({id}), {path}. Bundan sonra komutlar --pack olmadan bu paketi kullanır."
)
CLI_PACK_USE_BUILTIN = "Seçim kaldırıldı; komutlar yerleşik paketi kullanır: {path}"
CLI_PACK_USE_SHOW = "Kullanılan paket: {path} ({source})."
CLI_PACK_SOURCES = {
    "env": "TUTOR_PACK ortam değişkeninden",
    "remembered": "tutor pack use ile seçildi",
    "builtin": "yerleşik paket",
}
CLI_VALIDATE_OK_STATIC = (
    "Paket dosyaları geçerli: {lessons} ders, {exercises} alıştırma (çözümler değerlendirilmedi)."
)
ROSTER_UNREADABLE = "Öğrenci listesi '{path}' okunamadı: {error}."
ROSTER_ENCODING = (
    "Öğrenci listesi '{path}' ne UTF-8 ne de Windows-1254; dosyayı UTF-8 olarak kaydedin."
)
ROSTER_EMPTY = "Öğrenci listesi '{path}' boş."
ROSTER_ROW = (
    "{path}:{line}: öğrenci numarası ya da klasör eksik; her satır 'öğrenci numarası, ad, "
    "klasör' olmalı."
)
ROSTER_DUPLICATE = (
    "{path}:{line}: '{id}' numaralı öğrenci iki kez yazılmış (ilki {first}. satırda)."
)
ROSTER_NO_FOLDER = (
    "{path}:{line}: {id} numaralı öğrencinin klasörü yok ({folder}); bütün alıştırmaları teslim "
    "edilmedi sayılır."
)
ROSTER_NO_FOLDERS = (
    "{path}: listedeki hiçbir klasör yok (ilki: {folder}). Klasör yolları listenin bulunduğu "
    "klasöre göredir; yolları düzeltin ya da listeyi öğrenci klasörlerinin yanına koyun."
)
GRADE_BATCH_SYMLINK = (
    "{path} bir bağlantı (symlink) ya da çalışma alanının dışını gösteriyor; yalnızca öğrencinin "
    "kendi dosyası değerlendirilir."
)
GRADE_BATCH_UNREADABLE = "{path} okunamadı: {error}"
GRADE_BATCH_TOO_BIG = "{path} çok büyük ({limit} KiB sınırı aşılıyor); değerlendirilmedi."
GRADE_BATCH_CONVERTED = (
    "dosya {encoding} kodlamasıyla kaydedilmiş; UTF-8'e çevrilerek değerlendirildi."
)
GRADE_BATCH_NOT_UTF8 = "dosya UTF-8 değil ({line}. satırda geçersiz bayt); okunamayan baytlar '�' olarak değerlendirildi."
GRADE_BATCH_ERROR = "değerlendirilemedi (öğrencinin hatası değil; --resume yeniden dener): {detail}"
GRADE_BATCH_QUIZ_UNREADABLE = "ilerleme kaydı okunamadı: {error}"
GRADE_BATCH_NO_STATE = (
    "'{path}' içinde sürdürülecek bir değerlendirme yok; önce --resume olmadan çalıştırın."
)
GRADE_BATCH_OTHER_PACK = (
    "'{path}' içindeki değerlendirme başka bir paketin ({pack}); başka bir --out klasörü verin."
)
GRADE_BATCH_OTHER_SEED = (
    "Sürdürülen değerlendirmenin tohumu {seed}; aynı raporlar için tohum değiştirilemez "
    "(--seed vermeyin ya da --seed {seed} verin)."
)
GRADE_BATCH_UNKNOWN_STUDENT = "'{id}' numaralı bir öğrenci yok."
GRADE_BATCH_UNKNOWN_EXERCISE = "'{id}' adında bir alıştırma yok."
REPORT_PACK_FAULT = "paket hatası, öğrencinin değil: {detail}"
FEEDBACK_TITLE = "Geri bildirim: {name} ({id})"
FEEDBACK_META = "Paket: {title} · tohum: {seed} · değerlendirme: {date}"
FEEDBACK_TOTAL = "Toplam: {points} / {max} puan (%{percent:.0f}); {passed}/{total} alıştırma geçti."
FEEDBACK_QUIZ = "Ders sonu sınavları: {correct}/{total} doğru (ilerleme kaydınızdan)."
FEEDBACK_POINTS = "Puan: {points} / {max}"
FEEDBACK_FILE = "Dosya: `{file}` (sha256 {sha}…)"
FEEDBACK_HIDDEN = "gizli denetim {n}"
FEEDBACK_NOT_GRADED = "Bu alıştırma henüz değerlendirilemedi; eğitmeniniz yeniden değerlendirecek."
FEEDBACK_PACK_FAULT = (
    "Bu alıştırma, paketteki bir hata yüzünden değerlendirilemedi; puanınızı etkilemez."
)
CLI_GRADE_VALIDATING = "Paket denetleniyor ({n} alıştırma, tohum {seed})..."
CLI_GRADE_PACK_BROKEN = "Paket bozuk; değerlendirme başlamadı ({n} sorun):"
CLI_GRADE_BAR = "{bar} {done}/{total} · {rate}/sn · {student}"
CLI_GRADE_ROW_POINTS = (
    "{id} ({name}): {points:g}/{max:g} puan (%{percent:.0f}), {passed}/{total} geçti, "
    "{missing} teslim edilmedi"
)
CLI_GRADE_PACK_FAULTS = "Paket hataları (öğrencilerin puanını etkilemedi):"
CLI_GRADE_UNFINISHED = (
    "{n} değerlendirme yapılamadı; sorun giderilince kalanlar için: tutor grade ... --resume"
)
CLI_GRADE_NO_STUDENTS = (
    "Değerlendirilecek öğrenci yok: klasörleri verin ya da --roster ile bir öğrenci listesi."
)
CLI_GRADE_DUPLICATE_IDS = (
    "Aynı öğrenci numarası hem listede hem klasörlerde var; ikisinden birini verin."
)
VALIDATE_RETRYING_SLOW = (
    "{n} değerlendirme süre sınırını aştı; yanındaki değerlendirmeler yavaşlatmış olabilir, tek "
    "tek yeniden deneniyor..."
)
GRADESCOPE_HIDDEN_TEST = "{name} — gizli denetimler"
GRADESCOPE_SUMMARY = "Toplam: {points:g} / {max:g} puan; {passed}/{total} alıştırma geçti."
GRADESCOPE_FAILED = "Değerlendirme çalıştırılamadı: {error}. Lütfen eğitmeninize bildirin."
CLASSROOM_WORKFLOW_COMMENT = (
    "tutor pack export --classroom ile yazıldı: her alıştırma tutor submit ile değerlendirilir."
)
CLASSROOM_README = """# {title}

Alıştırmalarınızı bu depodaki dosyalarda çözün ve gönderin (`git push`). Her gönderimde GitHub
alıştırmaları otomatik olarak değerlendirir; sonucu deponuzun **Actions** sekmesinde görürsünüz.

| dosya | alıştırma | puan |
| --- | --- | --- |
{rows}
Kendi bilgisayarınızda denemek için (Python 3.10 ya da sonrası):

```bash
python -m pip install torch --index-url https://download.pytorch.org/whl/cpu
python -m pip install ./{tool}/kaynak
tutor pack use {tool}/paket
tutor --workspace . submit ALIŞTIRMA
```

`{tool}/` klasöründeki dosyaları değiştirmeyin: değerlendirme onları kullanır.
"""
CLI_EXPORT_GRADESCOPE_DONE = (
    "Gradescope değerlendiricisi yazıldı: {path} (tohum {seed}). Gradescope'ta ödevin "
    "'Configure Autograder' sayfasına yükleyin."
)
CLI_EXPORT_CLASSROOM_DONE = (
    "GitHub Classroom şablonu yazıldı: {path} ({n} dosya). Bir depoya gönderip Classroom'da "
    "ödevin şablonu yapın."
)
CLI_EXPORT_WHICH = "Ne yazılacağını seçin: --gradescope ZIP ya da --classroom KLASÖR."
CLI_EXPORT_BROKEN = "Paket dışa aktarılamadı; önce sorunları düzeltin (tutor pack validate):"
# --- loop graders: fitting exercises (fit_linear_regression, train_*_classifier) ---------------
FIT_UNPICKLABLE = (
    "Döndürdüğünüz model kaydedilip ayrı bir sürece aktarılamadı (pickle hatası: {detail}). "
    "Modelin sınıfını fonksiyonun içinde değil, dosyanın en üst düzeyinde tanımlayın; modelde "
    "lambda da tutmayın. Değerlendirici modelinizi, eğitimin yapıldığı süreçten ayrı bir süreçte "
    "yükleyip görülmemiş noktalarda sınar."
)
FIT_UNLOADABLE = (
    "Döndürdüğünüz model ayrı bir süreçte yüklenemedi ({detail}). Modelin sınıfını fonksiyonun "
    "içinde değil, dosyanın en üst düzeyinde tanımlayın."
)
FIT_TOO_LARGE = (
    "Döndürdüğünüz model kaydedildiğinde {mb:.0f} MB tutuyor; en fazla {limit:.0f} MB olabilir. "
    "Modelin içinde veri ya da gereksiz tensörler tutmayın."
)
FIT_NOT_A_MODEL = "{fn} eğitilmiş bir model (nn.Module) döndürmeli, {got} geldi."
FIT_PREDICT_RAISED = (
    "Döndürdüğünüz model görülmemiş noktalarda çağrılırken hata verdi: {exc_type}: {exc}"
)
FIT_NOT_TENSOR = "Modelin çıktısı bir tensör olmalı, {got} geldi."
FIT_HARD_CODED = (
    "iki farklı veri setinde aynı tahminler: model veriden öğrenilmiyor, kural elle yazılmış."
)
FIT_SAME_CONSTANT = (
    "iki farklı veri setinde de model her noktaya aynı çıktıyı veriyor: model veriden bir şey "
    "öğrenmemiş."
)
FIT_ACCURACY = "görülmemiş noktalarda doğruluk %{acc}; en az %{least} olmalı."
FIT_NOT_TRAINED = (
    " Eğitim sırasında ne geri yayılım ne de eniyileyici adımı kaydedildi: model veriden "
    "öğrenmemiş."
)
FIT_NO_ZERO_GRAD = " zero_grad hiç çağrılmamış; gradyanlar adımdan adıma birikmiş."
FIT_FLAT = " Kayıp hiç azalmamış: eniyileyici modelin parametrelerini güncellemiyor."
FIT_STILL_DECREASING = (
    " Kayıp hâlâ düşüyordu: eğitim yakınsamadan bitmiş (adım sayısını ya da öğrenme oranını "
    "artırın)."
)

# --- diagnoses: sentences that name a learner's bug (graders/*, shared by several exercises) --
# A grader's `diagnose` returns one of these only after checking numerically that the
# learner's output equals what the named mistake computes.
DIAG_OTHER_DIM = (
    "Çıktınız, {op} işleminin {where} boyunca alınmış hâline eşit; bu durumda dim={dim} "
    "istendi. En büyük değeri ve toplamı `dim` argümanının gösterdiği boyutta alın."
)
DIAG_LAST_DIM = "son boyut (dim=-1)"
DIAG_DIM = "dim={dim}"
DIAG_DTYPE_CHANGED = (
    "Değerler doğru, ama sonuç {actual} veri tipine çevrilmiş; girdi {expected} iken sonuç da "
    "{expected} kalmalı. `.float()`, `.to(torch.float32)` ya da sabit bir `dtype=` yazmayın."
)
DIAG_OPT_EPS_INSIDE_SQRT = (
    "eps karekökün içine eklenmiş: √({v} + eps) hesaplanmış. PyTorch eps'i karekökün dışına "
    "ekler: √{v} + eps; gradyanlar eps'ten küçükken fark büyür."
)
DIAG_OPT_NONE_AS_ZERO = (
    "grad'ı None olan parametre atlanmamış, sıfır gradyan sayılmış: {state} o adımlarda da "
    "değişiyor. grad None ise o parametreye ve durumuna o adımda hiç dokunmayın."
)
# --- Python's syntax errors in Turkish (tutor/pyerrors.py) --------------------------------------
# Each is a clause that reads on its own and after "Python sözdizimi hatası: ".
PY_SYNTAX = {
    "never_closed": "'{bracket}' açılmış ama hiç kapatılmamış",
    "unmatched": "fazladan bir '{bracket}' var: bununla eşleşen bir açılış yok",
    "mismatch": "kapanış '{close}', açılış '{open}' ile eşleşmiyor",
    "mismatch_line": "kapanış '{close}', {line}. satırdaki açılış '{open}' ile eşleşmiyor",
    "invalid_syntax": "geçersiz sözdizimi: Python bu satırı anlayamadı",
    "expected_colon": (
        "burada ':' bekleniyordu (def, class, if, elif, else, for, while, with ve try satırları "
        "iki noktayla biter)"
    ),
    "expected_token": "burada '{token}' bekleniyordu",
    "unexpected_indent": "beklenmeyen girinti: bu satır, üstündeki satırdan daha içeriden başlıyor",
    "unindent_mismatch": (
        "girinti dıştaki hiçbir bloğun girintisiyle eşleşmiyor: bu satırı ait olduğu bloğun "
        "satırlarıyla aynı hizaya getirin"
    ),
    "unexpected_unindent": "beklenmeyen bir yerde girinti azalmış",
    "tabs": (
        "girintide sekme (tab) ile boşluk karışık kullanılmış; girinti için yalnızca boşluk "
        "kullanın"
    ),
    "expected_block_after": "{line}. satırdaki {what} sonra girintili bir blok bekleniyordu",
    "expected_block": "girintili bir blok bekleniyordu",
    "too_deep": "çok fazla iç içe girinti düzeyi var",
    "unterminated_string": "metin (string) kapatılmamış: açtığınız tırnağı aynı satırda kapatın",
    "unterminated_triple": "üç tırnakla açılan metin hiç kapatılmamış",
    "unterminated_fstring": "f-string kapatılmamış: açtığınız tırnağı aynı satırda kapatın",
    "detected_at": " ({line}. satırda fark edildi)",
    "cannot_assign": "{what} atama yapılamaz",
    "cannot_delete": "{what} silinemez",
    "outside_function": "'{word}' bir fonksiyonun dışında kullanılmış",
    "outside_async": "'await' yalnızca async tanımlanmış bir fonksiyonun içinde kullanılabilir",
    "outside_loop": "'{word}' bir döngünün dışında kullanılmış",
    "invalid_character": (
        "geçersiz karakter '{char}' ({code}): bu işaret Python kodunda kullanılamaz; büyük "
        "olasılıkla bir metinden kopyalandı, klavyeden yeniden yazın"
    ),
    "nonprintable": (
        "görünmeyen geçersiz bir karakter var ({code}); büyük olasılıkla kopyalanan bir "
        "metinden geldi, satırı klavyeden yeniden yazın"
    ),
    "invalid_decimal": (
        "geçersiz sayı: bir sayının hemen ardından harf gelmiş (adlar rakamla başlayamaz)"
    ),
    "invalid_number": "geçersiz sayı yazımı",
    "leading_zeros": "ondalık tam sayılar 0 ile başlayamaz (012 yerine 12 yazın)",
    "positional_after_keyword": (
        "konumsal bir argüman, adıyla verilen bir argümandan sonra gelemez"
    ),
    "nondefault_after_default": (
        "varsayılan değeri olmayan bir parametre, varsayılan değeri olan bir parametreden "
        "sonra gelemez"
    ),
    "duplicate_argument": "fonksiyon tanımında '{name}' parametresi iki kez yazılmış",
    "keyword_repeated": "'{name}' argümanı iki kez verilmiş",
    "print_parens": "'print' çağrısında parantezler eksik: print(...) biçiminde yazın",
    "expected_except": "'try' bloğundan sonra bir 'except' ya da 'finally' bloğu bekleniyordu",
    "continuation": (
        "satır devam işaretinden (\\) sonra beklenmeyen bir karakter var; \\ satırın son "
        "karakteri olmalı"
    ),
    "fstring_expecting": "f-string içinde '{token}' bekleniyordu",
    "fstring_single_brace": (
        "f-string içinde tek başına '}}' kullanılamaz; metinde '}}' göstermek için '}}}}' yazın"
    ),
    "fstring_other": "f-string hatalı yazılmış",
    "assignment_in_expression": "bir ifadenin içinde atama (=) olamaz",
    "expected_else": "'if' ifadesinde 'else' bekleniyordu (a if koşul else b)",
    "starred": "yıldızlı ifade (*a) burada kullanılamaz",
    "generator_parens": "üreteç ifadesi (generator expression) paranteze alınmalı",
    "except_parens": "birden çok hata türü paranteze alınmalı: except (A, B):",
    "walrus_target": "':=' ile yalnızca düz bir ada atama yapılabilir",
    "augmented_target": "'+=' gibi bir birleşik atama bu ifadeye uygulanamaz",
    "trailing_comma": "parantez olmadan sonda virgül bırakılamaz",
    "dict_colon": "sözlükte (dict) anahtardan sonra ':' bekleniyordu",
    "bare_star": "tek başına '*' işaretinden sonra adıyla verilecek parametreler gelmeli",
    "expected_value": "'=' işaretinden sonra bir değer bekleniyordu",
    "nonlocal_module": "'nonlocal' modül düzeyinde kullanılamaz",
    "too_many_parens": "çok fazla iç içe parantez var",
    "unexpected_eof": (
        "dosya beklenmedik biçimde bitti; kapatılmamış bir parantez ya da yarım kalmış bir "
        "satır olabilir"
    ),
    "maybe_equals": "'=' yerine '==' mi demek istediniz?",
    "maybe_equals_or_walrus": "'=' yerine '==' ya da ':=' mi demek istediniz?",
    "forgot_comma": "bir virgül mü unuttunuz?",
    "from_import": "'from ... import ...' biçimini mi kullanmak istediniz?",
    "did_you_mean": "{what} mi demek istediniz?",
    "fallback": "Python bu kodu çözümleyemedi (Python'un İngilizce iletisi: {msg})",
}
# What a statement or a target is called, in the cases the clauses above need.
PY_SYNTAX_BLOCK_OWNERS = {
    "function definition": "fonksiyon tanımından",
    "class definition": "sınıf tanımından",
}
PY_SYNTAX_STATEMENT = "'{word}' deyiminden"
PY_SYNTAX_TARGETS = {
    "function call": "fonksiyon çağrısına",
    "literal": "sabit bir değere",
    "expression": "bir ifadeye",
    "conditional expression": "koşullu bir ifadeye",
    "comparison": "bir karşılaştırmaya",
    "lambda": "lambda ifadesine",
    "True": "True'ya",
    "False": "False'a",
    "None": "None'a",
    "Ellipsis": "üç noktaya (...)",
    "__debug__": "__debug__'a",
    "f-string expression": "f-string ifadesine",
    "await expression": "await ifadesine",
    "yield expression": "yield ifadesine",
    "named expression": "':=' ifadesine",
    "set display": "küme ifadesine",
    "dict literal": "sözlük (dict) ifadesine",
    "dict comprehension": "sözlük üretecine",
    "list comprehension": "liste üretecine",
    "set comprehension": "küme üretecine",
    "generator expression": "üreteç ifadesine",
}
PY_SYNTAX_TARGET_OTHER = "buna"
PY_SYNTAX_DELETE_TARGETS = {
    "function call": "fonksiyon çağrısı",
    "literal": "sabit bir değer",
    "expression": "bir ifade",
}
PY_SYNTAX_DELETE_OTHER = "bu ifade"

# --- the command line's help and argparse's own words (tutor/cli.py) ---------------------------
CLI_EPILOG = """Komut vermeden yalnızca tutor yazarsanız uygulama açılır: dersler, sınavlar ve
alıştırmalar tek ekranda. Bir komutun ayrıntıları için: tutor KOMUT --help

Çıkış kodları:
  0  geçti ya da komut başarıyla tamamlandı
  1  gönderim değerlendirmeyi geçemedi ya da doğrulama sorun buldu
  2  komut çalıştırılamadı: bilinmeyen alıştırma, eksik dosya, geçersiz paket,
     paketteki bir değerlendirici hatası ya da istenen ama bulunmayan CUDA"""
CLI_SUBMIT_EPILOG = """Çıkış kodları: 0 geçti, 1 değerlendirmeyi geçemedi, 2 değerlendirme yapılamadı.
Aynı dosya, siz yeni girdiler istemedikçe (--fresh) hep aynı girdilerle
değerlendirilir."""
CLI_COMMANDS_TITLE = "komutlar"
CLI_HELP = {
    "pack": "ders paketi klasörü (varsayılan: yerleşik paket)",
    "workspace": "çözümlerinizin bulunduğu çalışma alanı klasörü",
    "device": "değerlendirmenin yapılacağı cihaz (varsayılan: auto, varsa CUDA)",
    "json": "makine okunur çıktı: stdout'a yalnızca bir JSON nesnesi yazılır",
    "seed": (
        "bir değerlendirmeyi bu tohumla aynen tekrarlar; sonuç gösterilir ama ilerlemenize "
        "geçti olarak yazılmaz"
    ),
    "fresh": "yeni rastgele girdiler çeker; bundan sonra dosyanız bu girdilerle değerlendirilir",
    "verbose": "geçemeyen her denetimin iletisini tam yazar (varsayılan: ilki tam, gerisi birer satır)",
    "solution": "ipucu yerine örnek çözümün tamamını gösterir (ilerlemenize kaydedilir)",
    "id": "alıştırmanın kimliği (ör. softmax)",
    "show_id": "alıştırmanın ya da dersin kimliği (ör. softmax, tensorler)",
    "watch_id": "alıştırmanın kimliği (verilmezse sıradaki alıştırma; geçince bir sonrakine geçer)",
    "file": "değerlendirilecek dosya (varsayılan: çalışma alanındaki kopyanız)",
    "list": "dersleri ve alıştırmaları ilerlemenizle birlikte listeler",
    "show": "bir alıştırmanın açıklamasını, imzasını ve dosyanızın yolunu ya da bir dersi gösterir",
    "submit": "bir alıştırmayı değerlendirir",
    "hint": "sıradaki ipucunu gösterir (ipuçları birer birer açılır)",
    "watch": "dosyanızı her kaydettiğinizde yeniden değerlendirir (Ctrl+C ile çıkılır)",
    "progress": "ilerlemenizi derse göre gösterir",
    "reset": "başlangıç dosyasını geri getirir (eski dosyanız yedeklenir)",
    "grade": "eğitmenler için: birçok öğrencinin çalışma alanını değerlendirir",
    "grade_dirs": "öğrencilerin çalışma alanı klasörleri",
    "grade_out": "raporların yazılacağı klasör",
    "grade_jobs": "aynı anda kaç değerlendirme yapılacağı (varsayılan: çekirdek sayısı)",
    "grade_seed": "herkesin değerlendirileceği tohum (verilmezse rastgele seçilir ve raporlara yazılır)",
    "grade_roster": "öğrenci listesi (CSV): her satırda öğrenci numarası, ad ve klasör",
    "grade_resume": "yarıda kalan değerlendirmeyi sürdürür (aynı --out, aynı tohum)",
    "grade_student": (
        "yalnızca bu öğrenciyi değerlendirir (--out klasöründe önceki bir değerlendirme varsa "
        "onu yeniden değerlendirir, gerisini korur); birden çok kez verilebilir"
    ),
    "grade_exercise": (
        "yalnızca bu alıştırmayı değerlendirir (--out klasöründe önceki bir değerlendirme varsa "
        "onu yeniden değerlendirir ya da değerlendirmeye ekler); birden çok kez verilebilir"
    ),
    "grade_excel": "CSV'yi Türkçe Excel için yazar: ';' ayırıcı, ondalık virgül, UTF-8 BOM",
    "grade_allow_unprotected": (
        "sınıf değerlendirmesinin gerektirdiği korumalar (Landlock, PID ad alanı) yokken de "
        "çalışır; o zaman öğrenci kodu paketi ve başka öğrencilerin dosyalarını okuyabilir"
    ),
    "doctor": "bu makinenin sunduğu ve öğrenci kodunun sürecinde etkin olan korumaları gösterir",
    "pack_tools": "eğitmen araçları",
    "validate": "bir ders paketini denetler",
    "validate_dir": "paketin klasörü",
    "fix_encoding": "bozuk kodlanmış (mojibake) metni onarır, .bak yedeğiyle",
    "no_grading": "yalnızca dosyaları denetler; örnek çözümleri ve örnekleri çalıştırmaz",
    "seeds": "her örnek çözümün kaç tohumla değerlendirileceği (varsayılan: 3)",
    "new": "doğrulanan örnek bir ders paketi oluşturur",
    "new_dir": "oluşturulacak paketin klasörü",
    "build": "paketin öğrenci sürümünü yazar (örnek çözümler ve yanlış gönderimler olmadan)",
    "build_out": "öğrenci sürümünün yazılacağı boş klasör",
    "build_student": "öğrenci sürümü (gerekli)",
    "use": "bir paketi seçer; sonraki komutlar --pack olmadan onu kullanır",
    "use_dir": "seçilecek paketin klasörü (verilmezse seçili paket gösterilir)",
    "use_builtin": "seçimi kaldırır, yerleşik pakete döner",
    "export": "paketi Gradescope ya da GitHub Classroom için dışa aktarır",
    "export_seed": "Gradescope'ta herkesin değerlendirileceği tohum (varsayılan: rastgele)",
    "full_pack": "tam paketin klasörü (varsayılan: seçili paket)",
    "export_gradescope": "yazılacak Gradescope değerlendiricisi (zip)",
    "export_classroom": "yazılacak GitHub Classroom şablon deposunun klasörü",
    "schema": "ders dosyalarının JSON şemasını yazar",
    "schema_out": "şemanın yazılacağı klasör (verilmezse ekrana yazılır)",
}
# argparse's own words (Python 3.10–3.13), keyed by its English text.
CLI_ARGPARSE = {
    "usage: ": "kullanım: ",
    "options": "seçenekler",
    "positional arguments": "argümanlar",
    "subcommands": "komutlar",
    "show this help message and exit": "bu yardımı gösterir ve çıkar",
    "show program's version number and exit": "sürüm numarasını gösterir ve çıkar",
    " (default: %(default)s)": " (varsayılan: %(default)s)",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "expected one argument": "bir değer bekleniyordu",
    "expected at most one argument": "en çok bir değer bekleniyordu",
    "expected at least one argument": "en az bir değer bekleniyordu",
    "expected %s argument": "%s değer bekleniyordu",
    "expected %s arguments": "%s değer bekleniyordu",
    "ambiguous option: %(option)s could match %(matches)s": (
        "belirsiz seçenek: %(option)s şunlardan biri olabilir: %(matches)s"
    ),
    "invalid %(type)s value: %(value)r": "geçersiz değer: %(value)r (%(type)s bekleniyordu)",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "geçersiz seçim: %(value)r (seçenekler: %(choices)s)"
    ),
    "the following arguments are required: %s": "şu argümanlar eksik: %s",
    "unrecognized arguments: %s": "tanınmayan argümanlar: %s",
    "one of the arguments %s is required": "şu argümanlardan biri gerekli: %s",
    "not allowed with argument %s": "%s ile birlikte kullanılamaz",
    "ignored explicit argument %r": "bu seçenek bir değer almaz: %r",
    "unexpected option string: %s": "beklenmeyen seçenek: %s",
    "can't open '%(filename)s': %(error)s": "'%(filename)s' açılamadı: %(error)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: hata: %(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s: uyarı: %(message)s\n",
    "option '%(option)s' is deprecated": "'%(option)s' seçeneği artık kullanılmıyor",
    "argument '%(argument_name)s' is deprecated": (
        "'%(argument_name)s' argümanı artık kullanılmıyor"
    ),
    "command '%(parser_name)s' is deprecated": "'%(parser_name)s' komutu artık kullanılmıyor",
}
CLI_ARGPARSE_INT = "tam sayı"
CLI_ARGPARSE_PREFIX = "tutor: hata: "
CLI_DID_YOU_MEAN = " Şunu mu demek istediniz: {what}?"

# --- the command line's other texts (h/app-alistirma) ---------------------------------------------
CLI_NOT_A_TERMINAL = (
    "tutor'un uygulaması bir terminalde açılır; çıktı şu an bir terminale gitmiyor. "
    "Komutları görmek için: tutor --help"
)
CLI_SHOW_LESSON_EXERCISES = "Bu dersin alıştırmaları"
CLI_SHOW_LESSON_QUIZ = "Sınavlar uygulamada: tutor (derste b ile ders sonu sınavı)."
CLI_SHOW_LESSON_OUTPUT = "Çıktı:"
SOLUTION_MISSING = (
    "'{id}' için bu pakette örnek çözüm yok (öğrenci paketlerinde çözümler bulunmaz)."
)
