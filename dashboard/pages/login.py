"""The log-in page: a plain server-rendered HTML form (POST /kirjaudu with a CSRF token).

Deliberately not a Dash page: it must work when the dashboards themselves require a log-in
(Dash's layout and callback endpoints are closed to anonymous users then), and it needs no
JavaScript. The Flask route lives in `dashboard.auth`."""
from __future__ import annotations

import html

from domain.i18n import LANGS, t

PATH = "/kirjaudu"
LANG_NAMES = {"fi": "Suomi", "sv": "Svenska", "en": "English"}

_STYLE = """
body{font-family:"Segoe UI",Arial,sans-serif;background:#f4f6f8;margin:0;color:#1f2933}
header{background:#003580;color:#fff;padding:14px 24px;font-size:18px}
main{max-width:380px;margin:48px auto;background:#fff;padding:28px 32px;border-radius:6px;
box-shadow:0 1px 4px rgba(0,0,0,.15)}
h1{font-size:22px;margin-top:0}
label{display:block;margin:14px 0 4px;font-weight:600}
input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:8px;font-size:16px;
border:1px solid #8a949e;border-radius:4px}
button{margin-top:20px;padding:10px 18px;font-size:16px;background:#003580;color:#fff;border:0;
border-radius:4px;cursor:pointer}
.error{background:#fde8e8;border-left:4px solid #b42318;padding:10px;margin-bottom:10px}
nav a{margin-right:10px;color:#003580}
"""


def render_login_page(*, lang: str, csrf: str, next_url: str = "", username: str = "",
                      error: str | None = None) -> str:
    esc = html.escape
    langs = " ".join(
        f'<a href="{PATH}?lang={code}&next={esc(next_url)}" hreflang="{code}" lang="{code}" '
        f'title="{LANG_NAMES[code]}">{code.upper()}</a>' for code in LANGS)
    error_html = f'<div class="error" role="alert" id="login-error">{esc(error)}</div>' if error else ""
    return f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(t("auth.title", lang))} – {esc(t("app.title", lang))}</title>
<style>{_STYLE}</style></head>
<body><header>{esc(t("app.title", lang))}</header>
<main><nav aria-label="{esc(t("a11y.lang_switch", lang))}">{langs}</nav>
<h1>{esc(t("auth.title", lang))}</h1>
{error_html}
<form method="post" action="{PATH}" id="login-form">
<input type="hidden" name="csrf_token" value="{esc(csrf)}">
<input type="hidden" name="next" value="{esc(next_url)}">
<input type="hidden" name="lang" value="{lang}">
<label for="username">{esc(t("auth.username", lang))}</label>
<input type="text" id="username" name="username" value="{esc(username)}" autocomplete="username"
 required autofocus>
<label for="password">{esc(t("auth.password", lang))}</label>
<input type="password" id="password" name="password" autocomplete="current-password" required>
<button type="submit" id="login-submit">{esc(t("auth.submit", lang))}</button>
</form></main></body></html>"""
