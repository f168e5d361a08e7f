// The SCORM packages, <outDir>/nnplay-scorm12.zip (SCORM 1.2) and
// <outDir>/nnplay-scorm2004.zip (SCORM 2004 4th edition): imsmanifest.xml and
// the single-file page nnplay.html, marked with the package's dialect and
// lessons (<meta name="nnplay-scorm">, <meta name="nnplay-scorm-lessons">,
// read by web/src/lessons/package-lessons.ts).
// The zip is written here with Node's zlib (deflate, CRC-32): no dependency.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { root } from './run.mjs';

/** The built-in lesson ids, from the lesson files (one per lesson). */
export function lessonIds() {
  return readdirSync(join(root, 'web/src/lessons/files')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
}

/** Parses --scorm-lessons a,b: every id must be a built-in lesson. */
export function scormLessonsArg(text) {
  const known = lessonIds();
  const ids = [...new Set(text.split(',').map((s) => s.trim()).filter((s) => s !== ''))];
  const bad = ids.filter((id) => !known.includes(id));
  if (ids.length === 0 || bad.length > 0) {
    throw new Error(`--scorm-lessons: ${bad.length ? `unknown lesson(s) ${bad.map((b) => `"${b}"`).join(', ')}` : 'no lesson given'}; the lessons are ${known.join(', ')}`);
  }
  return ids;
}

const xml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// The two dialects' manifests differ in their namespaces, the schema version
// and the spelling of scormType; the SCO reports its own status in both.
// (A Map: an object would list the integer-like key 2004 before 1.2.)
const DIALECTS = new Map([
  ['1.2', {
    file: 'nnplay-scorm12.zip',
    schemaversion: '1.2',
    namespaces: `xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"`,
    scormType: 'adlcp:scormtype',
    item: '\n        <adlcp:masteryscore>100</adlcp:masteryscore>',
  }],
  ['2004', {
    file: 'nnplay-scorm2004.zip',
    schemaversion: '2004 4th Edition',
    namespaces: `xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd"`,
    scormType: 'adlcp:scormType',
    item: '',
  }],
]);

function manifest(version, lessons) {
  const d = DIALECTS.get(version);
  const title = lessons.length === 1 ? `nnplay: ${lessons[0]}` : `nnplay: ${lessons.length} lessons`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="nnplay-scorm${version.replace('.', '')}" version="1.0"
  ${d.namespaces}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>${d.schemaversion}</schemaversion>
  </metadata>
  <organizations default="nnplay-org">
    <organization identifier="nnplay-org">
      <title>${xml(title)}</title>
      <item identifier="nnplay-item" identifierref="nnplay-sco">
        <title>${xml(`${title} (${lessons.join(', ')})`)}</title>${d.item}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="nnplay-sco" type="webcontent" ${d.scormType}="sco" href="nnplay.html">
      <file href="nnplay.html" />
    </resource>
  </resources>
</manifest>
`;
}

/** A zip archive of `files` ([name, Buffer]), deflated, with a fixed date (reproducible builds). */
export function zip(files) {
  const locals = [];
  const central = [];
  let offset = 0;
  const DOS_TIME = 0;
  const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1;
  for (const [name, data] of files) {
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    // The local header and the central directory entry share these fields, at offset 6 and 8.
    const shared = (buf, at) => {
      buf.writeUInt16LE(0x0800, at); // UTF-8 names
      buf.writeUInt16LE(8, at + 2); // deflate
      buf.writeUInt16LE(DOS_TIME, at + 4);
      buf.writeUInt16LE(DOS_DATE, at + 6);
      buf.writeUInt32LE(crc, at + 8);
      buf.writeUInt32LE(packed.length, at + 12);
      buf.writeUInt32LE(data.length, at + 16);
      buf.writeUInt16LE(nameBytes.length, at + 20);
      return buf;
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    shared(local, 6);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4); // version made by
    head.writeUInt16LE(20, 6); // version needed
    shared(head, 8);
    head.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(head, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/**
 * Writes <outDir>/nnplay-scorm12.zip and <outDir>/nnplay-scorm2004.zip from
 * <outDir>/nnplay.html, each page marked with its lessons and dialect;
 * returns each package's version, path and size.
 */
export function buildScorm(outDir, lessons = lessonIds()) {
  const page = readFileSync(join(outDir, 'nnplay.html'), 'utf8');
  if (!page.includes('<meta charset="utf-8" />')) throw new Error('scorm: nnplay.html has no <meta charset> to place the lessons after');
  return [...DIALECTS].map(([version, d]) => {
    const marks = `<meta name="nnplay-scorm" content="${version}" />\n    <meta name="nnplay-scorm-lessons" content="${xml(lessons.join(','))}" />`;
    const marked = page.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    ${marks}`);
    const out = join(outDir, d.file);
    const bytes = zip([['imsmanifest.xml', Buffer.from(manifest(version, lessons))], ['nnplay.html', Buffer.from(marked)]]);
    writeFileSync(out, bytes);
    console.log(`${out}: ${bytes.length} bytes, SCORM ${version}, lessons ${lessons.join(', ')}`);
    return { version, path: out, size: bytes.length };
  });
}
