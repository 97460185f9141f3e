//! The learning report as one HTML file: its styles and charts inline
//! (SVG), no scripts and nothing fetched from elsewhere, so it opens
//! anywhere, can be mailed as it is, and prints on A4.

use std::fmt::Write as _;

use super::{View, flags, norm_rows, role_rows, rule_rows, signal_rows, summary};
use crate::i18n::Lang;

const STYLE: &str = "
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1b1b1b;
  max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #c8c8c8; padding-bottom: 0.2rem; }
p.meta { color: #4a4a4a; margin: 0.2rem 0; }
ul.flags { list-style: none; padding: 0; }
ul.flags li { border-left: 4px solid #b35c00; background: #fff4e5; padding: 0.5rem 0.75rem; margin: 0.4rem 0; }
div.wide { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #e2e2e2; vertical-align: top; }
th { background: #f3f3f3; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
svg { width: 100%; height: auto; }
svg text { font-family: inherit; font-size: 11px; fill: #1b1b1b; }
.legend span { display: inline-block; margin-right: 1rem; font-size: 0.9rem; }
.legend i { display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.3rem; vertical-align: -0.1rem; }
footer { margin-top: 2.5rem; color: #4a4a4a; font-size: 0.85rem; }
@page { size: A4; margin: 15mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; }
  table, svg, ul.flags li { break-inside: avoid; }
  ul.flags li, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
";

/// The colours of the verdicts' bar: approved, returned, rejected,
/// waiting; told apart in grey print too.
const VERDICTS: [&str; 4] = ["#2e7d32", "#b35c00", "#b00020", "#7a7a7a"];

/// The whole page.
pub fn page(view: &View<'_>, lang: Lang) -> String {
    let w = lang.report_words();
    let l = view.learning;
    let mut out = String::with_capacity(16 * 1024);
    let code = match lang {
        Lang::Nl => "nl",
        Lang::En => "en",
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        escape(w.title),
        escape(w.title)
    );
    for line in [
        lang.report_period(l.window.from, l.window.to),
        lang.report_verified(view.errors, view.warnings, view.pinned),
    ] {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", escape(&line));
    }

    section(&mut out, w.summary);
    out.push_str("<ul>\n");
    for line in summary(view, lang) {
        let _ = writeln!(out, "<li>{}</li>", escape(&line));
    }
    out.push_str("</ul>\n");
    verdict_bar(&mut out, view, lang);

    section(&mut out, w.flags);
    let flags = flags(view, lang);
    if flags.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(w.no_flags));
    } else {
        out.push_str("<ul class=\"flags\">\n");
        for flag in &flags {
            let _ = writeln!(out, "<li>{}</li>", escape(flag));
        }
        out.push_str("</ul>\n");
    }
    let _ = writeln!(
        out,
        "<p class=\"meta\">{}</p>",
        escape(&lang.report_thresholds(view.flag_rule, view.flag_signals))
    );

    section(&mut out, w.per_month);
    month_chart(&mut out, view, lang);

    section(&mut out, w.per_norm);
    table(&mut out, &w.norm_columns, &norm_rows(l, lang));
    section(&mut out, w.per_rule);
    table(&mut out, &w.rule_columns, &rule_rows(l, lang));
    section(&mut out, w.per_role);
    table(&mut out, &w.role_columns, &role_rows(l, lang));

    section(&mut out, w.signals);
    let signals = signal_rows(l, lang);
    if signals.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(w.no_signals));
    } else {
        table(&mut out, &w.signal_columns, &signals);
    }

    section(&mut out, w.unused);
    if l.unused.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(w.none_unused));
    } else {
        out.push_str("<ul>\n");
        for (id, title) in &l.unused {
            let _ = writeln!(out, "<li><b>{}</b> — {}</li>", escape(id), escape(title));
        }
        out.push_str("</ul>\n");
    }
    let _ = write!(
        out,
        "<footer><p>{}</p><p>{}</p></footer>\n</body>\n</html>\n",
        escape(w.privacy),
        escape(&lang.report_made(view.today))
    );
    out
}

fn section(out: &mut String, title: &str) {
    let _ = writeln!(out, "<h2>{}</h2>", escape(title));
}

/// A table; a column of numbers only is set right.
fn table(out: &mut String, header: &[&str], rows: &[Vec<String>]) {
    let numeric: Vec<bool> = (0..header.len())
        .map(|i| {
            !rows.is_empty()
                && rows.iter().all(|r| {
                    r.get(i).is_some_and(|c| {
                        !c.is_empty()
                            && c.chars()
                                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
                    })
                })
        })
        .collect();
    let class = |i: usize| if numeric[i] { " class=\"n\"" } else { "" };
    out.push_str("<div class=\"wide\"><table>\n<thead><tr>");
    for (i, h) in header.iter().enumerate() {
        let _ = write!(out, "<th{}>{}</th>", class(i), escape(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate().take(header.len()) {
            let _ = write!(out, "<td{}>{}</td>", class(i), escape(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table></div>\n");
}

/// Decisions per month as bars, every month of the period on the axis.
fn month_chart(out: &mut String, view: &View<'_>, lang: Lang) {
    let months = &view.learning.months;
    let n = months.len().max(1);
    let most = months.values().copied().max().unwrap_or(0).max(1);
    // Room on the left for the largest count, written beside the axis.
    let left = 12.0 + 7.0 * count_f64(lang.count(most).len());
    let (width, height, bottom, top) = (720.0_f64, 220.0_f64, 36.0, 16.0);
    let slot = (width - left) / count_f64(n);
    let plot = height - bottom - top;
    // At most twelve labels under the axis.
    let every = n.div_ceil(12);
    let label = lang.report_words().chart_label;
    let _ = write!(
        out,
        "<svg role=\"img\" aria-label=\"{}\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>{}</title>\n",
        escape(label),
        escape(label)
    );
    let _ = writeln!(
        out,
        "<line x1=\"{left}\" y1=\"{y}\" x2=\"{width}\" y2=\"{y}\" stroke=\"#1b1b1b\"/>",
        y = height - bottom
    );
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
        left - 6.0,
        top + 4.0,
        escape(&lang.count(most))
    );
    for (i, (month, count)) in months.iter().enumerate() {
        let x = left + slot * count_f64(i);
        let bar = plot * count_f64(*count) / count_f64(most);
        let y = height - bottom - bar;
        let _ = writeln!(
            out,
            "<rect x=\"{:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{bar:.1}\" fill=\"#1f5f99\"><title>{}: {}</title></rect>",
            x + slot * 0.15,
            slot * 0.7,
            escape(&lang.month_short(*month)),
            escape(&lang.count(*count))
        );
        if n <= 24 && *count > 0 {
            let _ = writeln!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                x + slot / 2.0,
                y - 3.0,
                escape(&lang.count(*count))
            );
        }
        if i % every == 0 {
            let _ = writeln!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                x + slot / 2.0,
                height - bottom + 16.0,
                escape(&lang.month_short(*month))
            );
        }
    }
    out.push_str("</svg>\n");
}

/// One bar, split by how the reviews went.
fn verdict_bar(out: &mut String, view: &View<'_>, lang: Lang) {
    let o = view.learning.outcomes;
    let parts = [o.approved, o.returned, o.rejected, o.waiting];
    let total: usize = parts.iter().sum();
    if total == 0 {
        return;
    }
    let names = match lang {
        Lang::Nl => ["goedgekeurd", "teruggestuurd", "afgewezen", "wacht nog"],
        Lang::En => ["approved", "returned", "rejected", "waiting"],
    };
    let width = 720.0_f64;
    let _ = writeln!(
        out,
        "<svg role=\"img\" aria-label=\"{}\" viewBox=\"0 0 {width} 28\" width=\"{width}\" height=\"28\" xmlns=\"http://www.w3.org/2000/svg\">",
        escape(&summary(view, lang)[1])
    );
    let mut x = 0.0;
    for ((part, colour), name) in parts.iter().zip(VERDICTS).zip(names) {
        let w = width * count_f64(*part) / count_f64(total);
        let _ = writeln!(
            out,
            "<rect x=\"{x:.1}\" y=\"4\" width=\"{w:.1}\" height=\"20\" fill=\"{colour}\"><title>{name}: {}</title></rect>",
            escape(&lang.count(*part))
        );
        x += w;
    }
    out.push_str("</svg>\n<p class=\"legend\">");
    for ((part, colour), name) in parts.iter().zip(VERDICTS).zip(names) {
        let _ = write!(
            out,
            "<span><i style=\"background:{colour}\"></i>{name} ({})</span>",
            escape(&lang.count(*part))
        );
    }
    out.push_str("</p>\n");
}

/// A count as a float for drawing; counts in a report are far below 2^52.
#[allow(clippy::cast_precision_loss)]
fn count_f64(n: usize) -> f64 {
    n as f64
}

/// Text as HTML shows it, in an element or an attribute.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_from_files_cannot_become_markup() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"y\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;"
        );
    }
}
