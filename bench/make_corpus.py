#!/usr/bin/env python3
"""Builds a synthetic corpus of N documents for `make bench-scale` from the seeds and the local regulations.

Every document is a variation of a pool text (a seed notice or a local regulation): its own number line,
year and a few figures changed, so no two are byte duplicates. A share is published as HTML pages of a
few dozen portal sites (shared furniture, so site templates are learnt), a share are reposts of an
earlier document on another site (near-duplicates), and a share are traditional-character copies.
Deterministic: the same N and pool give the same bytes.

usage: make_corpus.py N OUT_DIR [REPO_CORPUS] [SHARED]"""
import os, random, re, subprocess, sys, zlib

n = int(sys.argv[1]); out = sys.argv[2]
repo_corpus = sys.argv[3] if len(sys.argv) > 3 else "corpus"
shared = sys.argv[4] if len(sys.argv) > 4 else "../shared"

def texts():
    pool = []
    for d in (repo_corpus, os.path.join(shared, "seeds")):
        for f in sorted(os.listdir(d)):
            if f.endswith(".txt"):
                pool.append(open(os.path.join(d, f), encoding="utf-8", errors="replace").read())
    law = os.path.join(shared, "peer-suites", "lawrefbook-local")
    for root, dirs, files in os.walk(law):
        dirs.sort()
        for f in sorted(files):
            if not f.endswith(".md") or f.startswith("_"): continue
            t = open(os.path.join(root, f), encoding="utf-8", errors="replace").read()
            t = re.sub(r"<!--.*?-->", "", t)
            t = re.sub(r"^#+ *", "", t, flags=re.M)
            if 4000 <= len(t.encode()) <= 60000: pool.append(t)
    return pool

PROVINCES = "北京 天津 河北 山西 内蒙古 辽宁 吉林 黑龙江 上海 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 广西 海南 重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆".split()

def vary(text, i, rng):
    year = 2015 + i % 11
    text = re.sub(r"20\d\d年", f"{year}年", text, count=3)
    text = re.sub(r"(\d+)(亿元|万元|家|%)", lambda m: f"{int(m.group(1)) + rng.randint(0, 9)}{m.group(2)}", text, count=6)
    lines = text.split("\n")
    p = PROVINCES[i % len(PROVINCES)]
    lines.insert(min(2, len(lines)), f"{p}工信〔{year}〕{i}号")
    return "\n".join(lines)

def page(body, site, i):
    furniture = [f"{site}门户网站", "首页 | 政务公开 | 政策文件 | 办事服务 | 互动交流", "当前位置：首页 > 政策文件"]
    paras = "".join(f"<p>{l}</p>\n" for l in body.split("\n") if l.strip())
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + body.split("\n")[0][:40] + "</title></head><body>\n"
            + "<div class=\"header\">" + "".join(f"<div>{f}</div>" for f in furniture) + "</div>\n"
            + f"<div class=\"content\"><div class=\"article\">\n{paras}</div></div>\n"
            + f"<div class=\"footer\"><p>主办单位：{site}</p><p>网站标识码 {zlib.crc32(site.encode()) % 100000:05d}</p><p>ICP备案号：京ICP备{len(site)*1111}号</p></div>\n"
            + "</body></html>\n")

def main():
    rng = random.Random(20240601)
    pool = texts()
    os.makedirs(out, exist_ok=True)
    sites = [f"{p}省工业和信息化厅" for p in PROVINCES]
    bodies, trad = [], []
    for i in range(n):
        r = rng.random()
        if i > 10 and r < 0.08:        # repost of an earlier document on another site
            src = bodies[rng.randrange(len(bodies))]
            lines = src.split("\n")
            lines.insert(1, f"来源：{PROVINCES[rng.randrange(len(PROVINCES))]}日报 转载时间：{2015 + i % 11}年{1 + i % 12}月{1 + i % 28}日")
            body = "\n".join(lines)
            kind = "repost"
        else:
            body = vary(pool[(i * 7919) % len(pool)], i, rng)
            kind = "orig"
        bodies.append(body)
        if i > 10 and 0.08 <= r < 0.12:
            trad.append((i, body)); continue
        if rng.random() < 0.4:
            site = sites[rng.randrange(len(sites))]
            with open(os.path.join(out, f"{i:06d}-{kind}.html"), "w", encoding="utf-8") as f: f.write(page(body, site, i))
        else:
            with open(os.path.join(out, f"{i:06d}-{kind}.txt"), "w", encoding="utf-8") as f: f.write(body)
    if trad:
        sep = "\n@@@@SPLIT@@@@\n"
        res = subprocess.run(["opencc", "-c", "s2t.json"], input=sep.join(b for _, b in trad).encode(), capture_output=True, check=True)
        for (i, _), t in zip(trad, res.stdout.decode().split(sep)):
            with open(os.path.join(out, f"{i:06d}-trad.txt"), "w", encoding="utf-8") as f: f.write(t)

main()
