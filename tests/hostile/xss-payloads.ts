/**
 * Well-known script-injection payloads, as authors might paste them (or an
 * attacker write them) into a deck. `N` stands for a number that says which
 * payload in which place ran: `alert(N)` shows it in the dialog, `evil.example/N`
 * in the request.
 */
export const HTML_PAYLOADS: readonly string[] = [
  '<script>alert(N)</script>',
  '<img src=x onerror=alert(N)>',
  '<svg onload=alert(N)>',
  '<svg><script>alert(N)</script></svg>',
  '<iframe src="javascript:alert(N)"></iframe>',
  '<iframe srcdoc="<script>parent.alert(N)</script>"></iframe>',
  '<a href="javascript:alert(N)">js link</a>',
  '<a href="&#106;avascript:alert(N)">entity link</a>',
  '<a href="java&#x09;script:alert(N)">tab link</a>',
  '<a href="  JaVaScRiPt:alert(N)">mixed case link</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>',
  '<a href="#" onclick="alert(N)">click me</a>',
  '<details open ontoggle=alert(N)>details</details>',
  '<input autofocus onfocus=alert(N)>',
  '<video><source onerror=alert(N)></video>',
  '<body onload=alert(N)>',
  '<svg><animate onbegin=alert(N) attributeName=x dur=1s></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(N)></style></mglyph></table></mtext></math>',
  '<noscript><p title="</noscript><img src=x onerror=alert(N)>"></noscript>',
  '"><script>alert(N)</script>',
  "'><img src=x onerror=alert(N)>",
  '<object data="data:text/html,<script>alert(N)</script>"></object>',
  '<embed src="javascript:alert(N)">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(N)">',
  '<base href="javascript:alert(N)//">',
  '<form action="javascript:alert(N)"><button>go</button></form>',
  '<link rel=stylesheet href="https://evil.example/N.css">',
  '<img src="https://evil.example/N.png">',
  "<style>@import 'https://evil.example/N.css'; body{background:url(https://evil.example/N.png)}</style>",
  '<div style="background:url(javascript:alert(N))">styled</div>',
  '<<script>script>alert(N)<</script>/script>',
  '<scr<script>ipt>alert(N)</script>',
  '<img/src=x/onerror=alert(N)>',
  '<img src=x onerror=alert(N)//',
  '<svg/onload=alert(N)//',
  '<img src=x:alert(N) onerror=eval(src)>',
  '<x onmouseover=alert(N)>hover</x>',
  '<textarea></textarea><script>alert(N)</script>',
  '</title><script>alert(N)</script>',
  '&lt;script&gt;alert(N)&lt;/script&gt;',
  '&#60;img src=x onerror=alert(N)&#62;',
  "{{constructor.constructor('alert(N)')()}}",
  '[sound:evil-N.mp3] [latex]\\input{/etc/passwd}[/latex] {{c1::cloze N}} {{FrontSide}}',
];

/** Link and image targets. */
export const URL_PAYLOADS: readonly string[] = [
  'javascript:alert(N)',
  'JaVaScRiPt:alert(N)',
  'java&#x09;script:alert(N)',
  '&#106;avascript:alert(N)',
  'javascript&#58;alert(N)',
  '&#1;javascript:alert(N)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:text/html,%3Cscript%3Ealert(N)%3C/script%3E',
  'data:image/svg+xml,%3Csvg%20onload%3Dalert(N)%3E',
  'vbscript:msgbox(N)',
  'https://evil.example/N',
  '//evil.example/N',
];

/** Entity-escaped payloads must read as the text they spell. */
export const LITERAL: Record<string, string> = {
  '&lt;script&gt;alert(N)&lt;/script&gt;': '<script>alert(N)</script>',
  '&#60;img src=x onerror=alert(N)&#62;': '<img src=x onerror=alert(N)>',
};

/** The payload with its `N` (a whole word) replaced by `id`. */
export const tagged = (payload: string, id: number) => payload.replace(/\bN\b/g, String(id));
