"""Simple markup in labels and hints (issue 17): escaped first, then bold and italic; plain on paper."""
import forms
from forms.markup import to_html, to_plain
from forms.piping import fill_html

PIPED = """
form: {id: piped, title: {vi: "Thử", en: Try}, languages: [vi, en]}
sections:
  - name: first
    title: {vi: "Một", en: One}
    questions:
      - {name: name, type: text, label: {vi: "Tên", en: Name}}
      - {name: ok, type: yes_no, label: {vi: "**${name}**, *đúng* không?", en: "**${name}**, *right*?"}}
"""


def test_bold_and_italic_become_tags_and_nothing_else_does():
    assert to_html("Ông/bà **rất** hài lòng *chứ*?") == "Ông/bà <strong>rất</strong> hài lòng <em>chứ</em>?"
    assert to_html('<script>alert("x")</script> **<i>y</i>**') == (
        "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; <strong>&lt;i&gt;y&lt;/i&gt;</strong>")
    assert to_html("5 * 3 * 2 và a ** b") == "5 * 3 * 2 và a ** b"
    assert to_html("***cả hai***") == "<em><strong>cả hai</strong></em>"


def test_plain_text_drops_the_markers_only():
    assert to_plain("Ông/bà **rất** hài lòng *chứ*? 5 * 3") == "Ông/bà rất hài lòng chứ? 5 * 3"


def test_a_piped_answer_is_escaped_and_never_markup():
    definition = forms.load_definition(PIPED)
    label = definition.question("ok").label.text("vi")
    shown = fill_html(label, definition, {"name": "*<b>An</b>*"}, "vi")
    assert shown == "<strong>*&lt;b&gt;An&lt;/b&gt;*</strong>, <em>đúng</em> không?"
