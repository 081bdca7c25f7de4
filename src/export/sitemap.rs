//! `sitemap.xml` and `robots.txt`: the pages search engines may list, from the site paths the
//! render stage reports as listed.

use crate::config::Config;
use crate::output::OutputFile;

/// The most URLs one sitemap file may list (sitemaps.org protocol).
const SITEMAP_URLS: usize = 50_000;

/// `sitemap.xml` listing every page of `paths` (site paths such as `judete/cluj/`), and
/// `robots.txt` pointing to it. A site of more pages than one sitemap may list gets
/// `sitemap-1.xml`, `sitemap-2.xml`, … and `sitemap.xml` as their index.
pub fn sitemap_and_robots<'a>(config: &Config, paths: impl IntoIterator<Item = &'a str>) -> Vec<OutputFile> {
    sitemaps(config, paths, SITEMAP_URLS)
}

fn sitemaps<'a>(config: &Config, paths: impl IntoIterator<Item = &'a str>, per_file: usize) -> Vec<OutputFile> {
    const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    const NS: &str = "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"";
    let urls: Vec<String> = paths.into_iter().map(|path| escape_xml(&config.absolute_url(path))).collect();
    let urlset = |urls: &[String]| {
        let mut xml = format!("{HEAD}<urlset {NS}>\n");
        for url in urls {
            xml.push_str(&format!("  <url><loc>{url}</loc></url>\n"));
        }
        xml.push_str("</urlset>\n");
        xml.into_bytes()
    };
    let mut files = Vec::new();
    if urls.len() <= per_file {
        files.push(OutputFile { path: crate::urls::sitemap(), bytes: urlset(&urls) });
    } else {
        let mut index = format!("{HEAD}<sitemapindex {NS}>\n");
        for (n, part) in urls.chunks(per_file).enumerate() {
            let path = crate::urls::sitemap_part(n + 1);
            index.push_str(&format!("  <sitemap><loc>{}</loc></sitemap>\n", escape_xml(&config.absolute_url(&path))));
            files.push(OutputFile { path, bytes: urlset(part) });
        }
        index.push_str("</sitemapindex>\n");
        files.push(OutputFile { path: crate::urls::sitemap(), bytes: index.into_bytes() });
    }
    let robots = format!("User-agent: *\nAllow: /\n\nSitemap: {}\n", config.absolute_url(&crate::urls::sitemap()));
    files.push(OutputFile { path: crate::urls::robots(), bytes: robots.into_bytes() });
    files
}

fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_larger_than_one_sitemap_gets_a_sitemap_index() {
        let config = Config {
            title: "t".into(),
            description: String::new(),
            base_url: "https://example.ro/".into(),
            language: "ro".into(),
            theme: "default".into(),
            checked: None,
        };
        let paths: Vec<String> = (0..5).map(|n| format!("p{n}/")).collect();
        let paths = || paths.iter().map(String::as_str);
        let text = |files: &[OutputFile], path: &str| {
            String::from_utf8(files.iter().find(|f| f.path == path).expect(path).bytes.clone()).expect("utf-8")
        };
        let one = sitemaps(&config, paths(), 5);
        assert_eq!(one.len(), 2, "sitemap.xml and robots.txt");
        assert_eq!(text(&one, "sitemap.xml").matches("<url>").count(), 5);
        let split = sitemaps(&config, paths(), 2);
        let paths: Vec<&str> = split.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml", "robots.txt"]);
        let index = text(&split, "sitemap.xml");
        assert!(index.contains("<sitemapindex ") && index.contains("<loc>https://example.ro/sitemap-3.xml</loc>"));
        assert_eq!(text(&split, "sitemap-3.xml").matches("<url>").count(), 1);
        assert!(text(&split, "robots.txt").contains("Sitemap: https://example.ro/sitemap.xml"));
    }
}
