// Regenerates lib/server/auth/data/common-passwords.txt: the classic most-used passwords plus the
// mechanical variants attackers try first (suffix digits/years/"!", keyboard
// walks, repeated and sequential characters). Run: node scripts/generate-common-passwords.mjs
import { writeFileSync } from "node:fs";

const base = `
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123
football monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael
654321 superman 1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer zxcvbnm
asdfgh hunter buster soccer harley batman andrew tigger sunshine iloveyou 2000 charlie robert thomas
hockey ranger daniel starwars klaster 112233 george computer michelle jessica pepper 1111 zxcvbn 555555
11111111 131313 freedom 777777 pass maggie 159753 aaaaaa ginger princess joshua cheese amanda summer
love ashley nicole chelsea biteme matthew access yankees 987654321 dallas austin thunder taylor matrix
mobilemail mom monitor monitoring montana moon moscow william corvette hello martin heather secret
merlin diamond 1234qwer gfhjkm hammer silver 222222 88888888 anthony justin test bailey q1w2e3r4t5
patrick internet scooter orange 11111 golfer cookie richard samantha bigdog guitar jackson whatever
mickey chicken sparky snoopy maverick phoenix camaro peanut morgan welcome falcon cowboy ferrari
samsung andrea smokey steelers joseph mercedes dakota arsenal eagles melissa boomer booboo spider
nascar monster tigers yellow xxxxxx 123123123 gateway marina diablo bulldog qwer1234 compaq purple
hardcore banana junior hannah 123654 porsche lakers iceman money cowboys 987654 london tennis 999999
ncc1701 coffee scooby 0000 miller boston q1w2e3r4 brandon yamaha chester mother forever johnny edward
333333 oliver redsox player nikita knight fender barney midnight please brandy chicago badboy slayer
rangers charles angel flower bigdaddy rabbit wizard bigdick jasper enter rachel chris steven winner
adidas victoria natasha 1q2w3e4r jasmine winter prince panties marine ghbdtn fishing cocacola casper
james 232323 raiders 888888 marlboro gandalf asdfasdf crystal 87654321 12344321 golden 8675309
blowme bigtits 8675309 panther lauren angela bitch spanky thx1138 angels madison winston shannon mike
toyota blowjob jordan23 canada sophie apples dick tiger razz 123abc pokemon qazxsw 55555 qwaszx
muffin johnson murphy cooper jonathan liverpoo david danielle 159357 jackie 1990 123456a 789456 turtle
horny abcd1234 scorpion qazwsxedc 101010 butter carlos password1 dennis slipknot qwerty123 booger
asdf 1991 black startrek 12341234 cameron newyork rainbow nathan john 1992 rocket viking redskins
butthead asdfghjkl 1212 sierra peaches gemini doctor wilson sandra helpme qwertyui victor florida
dolphin pookie captain tucker blue liverpool theman bandit dolphins maddog packers jaguar lovers
nicholas united tiffany maxwell zzzzzz nirvana jeremy suckit stupid porn monica elephant giants
jackass hotdog rosebud success debbie mountain 444444 xxxxxxxx warrior 1q2w3e4r5t q1w2e3 123456q
albert metallic lucky azerty 7777 shithead alex bond007 alexis 1111111 samson 5150 willie scorpio
bonnie gators benjamin voodoo driver dexter 2112 jason calvin freddy 212121 creative 12345a sydney
rush2112 1989 asdfghjk red123 bubba 4815162342 passw0rd trouble gunner happy fucking gordon legend
jessie stella qwert eminem arthur apple nissan bullshit bear america 1qazxsw2 nothing parker 4444
rebecca qweqwe garfield 01012011 beavis 69696969 jack asdasd december 2222 102030 252525 11223344
magic apollo skippy 315475 girls kitten golf copper braves shelby godzilla beaver fred tomcat august
buddy airborne 1993 1988 lifehack qqqqqq brooklyn animal platinum phantom online xavier darkness
blink182 power fish green 789456123 voyager police travis 12qwaszx heaven snowball lover abcdef 00000
pakistan 007007 walter playboy blazer cricket sniper hooters donkey willow loveme saturn therock
redwings bigboy pumpkin trinity williams tinkerbell dodgers bluebird sexy welcome1 admin admin123
administrator root toor changeme default guest login letmein1 master1 passpass pass123 pass1234
password12 password123 password1234 p@ssw0rd p@ssword passw0rd1 pa55word pa$$word qwerty1 qwerty12
qwertyu qwerty1234 iloveyou1 princess1 sunshine1 football1 baseball1 superman1 batman1 dragon1
monkey1 shadow1 michael1 jennifer1 charlie1 abc12345 abcdefg abcdefgh 1234abcd aa123456 a123456
a12345678 zaq12wsx zaq1zaq1 !qaz2wsx 1qaz!qaz qwe123 qweasd qweasdzxc asd123 zxc123 secret1 secret123
changeme1 changeme123 welcome123 hello123 hello1 loveyou lovely iloveu trustme whatever1 starwars1
computer1 internet1 freedom1 mustang1 killer1 hunter2 hunter1 cheese1 soccer1 hockey1 jordan1
summer1 winter1 spring autumn fall summer2020 letmein123 test123 test1234 testing testing123 temp
temp123 temppass user user123 demo demo123 sample guest123 support service server linux ubuntu debian
redhat centos fedora piranha keepalived ipvsadm loadbalancer balancer cluster router network firewall
iptables nftables lvsadmin lvsconsole console operator viewer supervisor manager system sysadmin
webmaster postmaster oracle mysql postgres database backup cisco juniper netgear linksys dlink
password! password@ password# password$ qwerty! welcome! letmein! iloveyou! monkey! dragon!
football! baseball! superman! batman! sunshine! princess! shadow! master! michael! charlie!
`;

const walks = `
qwertyuiop asdfghjkl zxcvbnm qwertyuiopasdfghjkl qazwsxedcrfv 1qaz2wsx3edc 1qaz2wsx3edc4rfv
qweasdzxc zaqxswcde zaq1xsw2cde3 1q2w3e4r5t6y 1q2w3e4r5t6y7u8i 1q2w3e4r5t6y7u8i9o0p q1w2e3r4t5y6
qwerasdf qwerasdfzxcv asdfqwer asdfjkl; 1234qwerasdf qwer1234asdf poiuytrewq lkjhgfdsa mnbvcxz
!@#$%^&* !@#$%^&*() 1!2@3#4$ 1q2w3e 1a2b3c4d a1b2c3d4 a1b2c3 abc123abc 147258369 147852369
123698745 741852963 963852741 159753456 1472583690 0987654321 9876543210 01234567 012345678
0123456789 12345678910 123456789a 123456789q 1234567890q qwertyqwerty asdfasdfasdf 123qweasd
123qweasdzxc qweqweqwe asdasdasd zxczxczxc 1234512345 1122334455 12121212 123123123123
`;

const suffixes = ["", "1", "12", "123", "1234", "12345", "123456", "!", "!!", "1!", "123!", "01", "007", "69", "99",
  "00", "11", "2", "3", "7", "13", "21", "22", "23", "88", "@123", "#1", "$", "?"];
const years = [];
for (let y = 1960; y <= 2030; y += 1) years.push(String(y));

const out = new Set();
const add = (p) => {
  const v = p.trim().toLowerCase();
  if (v.length >= 6 && v.length <= 128) out.add(v);
};

const words = [...new Set(base.split(/\s+/).filter(Boolean))];
const common = words.slice(0, 400);
for (const w of words) add(w);
for (const w of walks.split(/\s+/).filter(Boolean)) add(w);
for (const w of common) {
  for (const s of suffixes) add(w + s);
  if (/^[a-z]+$/.test(w)) {
    for (const y of years.slice(-40)) add(w + y);
    add(w.charAt(0).toUpperCase() + w.slice(1) + "1");
    add(w.replace(/a/g, "@").replace(/o/g, "0").replace(/e/g, "3").replace(/i/g, "1").replace(/s/g, "$"));
    add(w.replace(/o/g, "0"));
    add(w.replace(/a/g, "4").replace(/e/g, "3"));
    add(w + w);
  }
}
// Repeated characters and short patterns repeated to 6-16 characters.
for (const c of "abcdefghijklmnopqrstuvwxyz0123456789!") for (let n = 6; n <= 16; n += 1) add(c.repeat(n));
for (const unit of ["12", "123", "1234", "ab", "abc", "qw", "asd", "xo", "69", "007", "01", "10", "321"]) {
  for (let n = 2; n <= 8; n += 1) add(unit.repeat(n));
}
// Ascending and descending digit runs.
const digits = "01234567890123456789";
for (let start = 0; start < 10; start += 1) {
  for (let len = 6; len <= 12; len += 1) {
    const run = digits.slice(start, start + len);
    add(run);
    add([...run].reverse().join(""));
  }
}
// Dates people use: ddmmyyyy and mmddyyyy for the first of each month, and bare years with "password".
for (const y of years) {
  add("password" + y);
  add("welcome" + y);
  add("admin" + y);
  add("summer" + y);
  add("winter" + y);
  for (const m of ["01", "06", "12"]) add("01" + m + y);
}

const header = "# Most common passwords, lowercase, one a line; refused case-insensitively.\n# Generated by scripts/generate-common-passwords.mjs (classic breach top lists + mechanical variants).\n";
writeFileSync(new URL("../lib/server/auth/data/common-passwords.txt", import.meta.url), header + [...out].sort().join("\n") + "\n");
console.log(`${out.size} entries`);
