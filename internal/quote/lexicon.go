package quote

import "strings"

// class is a bit set of the word classes a lower-cased word belongs to.
type class uint32

const (
	cPronoun   class = 1 << iota // he, she, they, I, we, it, who
	cDet                         // the, a, his, many, two …: opens a noun phrase
	cTitle                       // president, sen., spokesman …: precedes a name or heads a role phrase
	cAux                         // has, also, repeatedly …: may stand between a subject and its cue
	cPrep                        // on, in, with …: opens an adjunct
	cStop                        // and, but, which, because …: ends a noun phrase
	cTime                        // Monday, today, earlier …
	cLead                        // On, After, While …: opens a sentence-initial adverbial
	cConnector                   // von, der, bin …: may stand inside a name
	cDemonym                     // U.S., Ukrainian, European …: modifies a title
	cOrg                         // Ministry, Party, Kremlin …: makes a name an organization
	cPlace                       // Ukraine, Washington, Iowa …: a name that is no speaker
	cFemale                      // Hillary, Ursula …: a female first name
	cMale                        // Donald, Emmanuel …: a male first name
	cPlural                      // officials, people, leaders …: a plural speaker noun
	cVerbish                     // is, was, would …: a word that ends a subject phrase
	cSource                      // poll, report, study …: a thing that can say something
)

// entry is what the lexicon knows of a word form.
type entry struct {
	cls   class
	cue   cueInfo
	isCue bool
}

// lexicon maps lower-cased word forms to their classes and cue
// descriptions. It is read-only after package initialisation.
var lexicon = buildLexicon()

// lookup returns the lexicon entry of w, looked up case-insensitively.
func lookup(w string) entry {
	if len(w) > 24 || !hasUpperASCII(w) {
		return lexicon[w]
	}
	var buf [24]byte
	return lexicon[string(lowerASCII(buf[:0], w))]
}

func hasUpperASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' {
			return true
		}
	}
	return false
}

// lowerASCII appends w to dst with ASCII letters lower-cased.
func lowerASCII(dst []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// classWords lists the words of each class.
var classWords = []struct {
	c     class
	words string
}{
	{cPronoun, "he she they i we it who you"},
	{cDet, `the a an this these those some many several most other another both each every
		all any his her their its our my your no one two three four five six seven eight nine ten
		dozens hundreds thousands few more such`},
	{cTitle, `president vice prime minister chancellor secretary general secretary-general
		senator sen. sens. rep. reps. representative congressman congresswoman gov. govs. governor
		mayor mr. mrs. ms. miss dr. prof. professor judge justice gen. adm. col. lt. sgt. capt.
		envoy special spokesman spokeswoman spokesperson aide adviser advisor ambassador chairman
		chairwoman chair director ceo chief leader king queen prince princess pope commissioner
		attorney deputy foreign defense defence former first lady minority majority speaker
		candidate nominee sheriff pastor rev. sir dame lord host anchor correspondent analyst
		strategist manager economist founder coach actor actress star billionaire businessman
		mogul activist author columnist editor executive officer official president-elect premier
		presidential frontrunner front-runner hopeful rival challenger incumbent staffer
		lawmaker legislator treasurer counsel representative-elect senator-elect leader-elect
		commander head ex-president co-founder cofounder supt. atty. cmdr. pres.`},
	{cAux, `has have had also then later previously repeatedly publicly reportedly would will
		may might could can did does do not never once again recently earlier still already
		often further subsequently separately initially privately openly just even now long
		been being frequently clearly explicitly directly bluntly flatly emphatically angrily
		confidently quickly simply first last n't finally apparently allegedly
		immediately promptly quietly loudly tearfully sharply strongly firmly formally
		specifically similarly likewise too yesterday today tonight shall should must is was are
		were be`},
	{cVerbish, `is was are were be been being has have had would will may might could can did
		does do shall should must`},
	{cPrep, `on in at during to with after before following over via through from for by of
		about around ahead amid among across inside outside near under since within without
		despite into onto upon against toward towards`},
	{cStop, `and but or so because as if when while that which who whom whose where than then
		although though whether unless until since what how why nor yet however meanwhile also
		not to`},
	{cTime, `monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
		tomorrow earlier later morning afternoon evening night week weekend month year day
		recently previously last next this past`},
	{cLead, `on in at during after before following while when since despite ahead amid
		meanwhile however yet but and also earlier later last this speaking asked asked,
		according for with without under as though although if because once by from over
		unlike like instead still so then now in addition separately elsewhere overall indeed
		moreover furthermore meanwhile nevertheless nonetheless perhaps even just`},
	{cConnector, "von van der den de del della di da dos du la le al al- bin ben ibn mac st."},
	{cDemonym, `u.s. us american russian ukrainian french german british uk u.k. italian
		finnish european chinese israeli palestinian iranian turkish polish hungarian japanese
		indian canadian mexican republican democratic democrat gop white kremlin nato eu un u.n.
		senate house state national federal iraqi syrian afghan saudi egyptian korean
		north south west east australian spanish dutch belgian swedish norwegian danish greek
		irish scottish welsh english swiss austrian czech slovak romanian bulgarian serbian
		croatian georgian belarusian lithuanian latvian estonian brazilian argentine venezuelan
		cuban colombian pakistani bangladeshi afghan nigerian kenyan african asian arab
		texas florida ohio iowa california virginia`},
	{cOrg, `ministry department house kremlin party committee commission council court
		congress senate union agency office times post news journal network institute
		university college foundation association bank fund group inc. corp. co. company
		campaign administration government parliament assembly pentagon nato fbi cia cnn bbc
		reuters ap afp bloomberg politico msnbc fox abc nbc cbs npr breitbart gop dnc rnc eu un
		u.n. board bureau service services corporation organization organisation coalition
		alliance center centre club league federation police army navy military command
		forces team staff tass vesti telegraph guardian press daily magazine tribune herald
		gazette review channel radio tv television studios media poll survey report statement
		cabinet embassy consulate secretariat network facebook twitter google apple microsoft
		amazon`},
	{cPlace, `ukraine russia europe america united states us u.s. usa uk u.k. britain england
		france germany italy finland china israel iran hungary turkey poland washington moscow
		kyiv kiev alaska london paris berlin brussels syria iraq mexico canada japan india
		crimea donetsk donbas slovakia belarus georgia gaza lebanon egypt saudi arabia qatar
		afghanistan pakistan korea taiwan australia spain netherlands belgium sweden norway
		denmark greece ireland scotland wales switzerland austria hungary romania geneva rome
		madrid tokyo beijing jerusalem tehran baghdad damascus istanbul ankara warsaw budapest
		helsinki vienna iowa texas florida ohio california virginia carolina nevada michigan
		wisconsin pennsylvania georgia arizona colorado utah oregon illinois indiana kentucky
		tennessee alabama mississippi louisiana arkansas missouri kansas nebraska dakota
		minnesota montana idaho wyoming oklahoma maryland delaware jersey york massachusetts
		connecticut vermont maine hampshire hawaii cleveland philadelphia chicago boston
		atlanta miami orlando denver houston dallas seattle manhattan brooklyn africa asia
		latin oval white hill capitol`},
	{cFemale, `hillary melania michelle nancy elizabeth kamala sarah nikki carly megyn huma
		debbie donna marine angela theresa ursula giorgia kaja annalena liz mary patricia
		jennifer linda barbara susan jessica karen lisa betty margaret sandra ashley kimberly
		emily laura rebecca amy anna helen maria julia olena yulia ivanka chelsea kellyanne
		sheryl katie kelly hope jill jane janet condoleezza madeleine samantha susana ruth
		sonia elena loretta sally kirsten tammy maxine heidi jeanne jeanine joni lisa shelley
		claire dianne diane marsha kay kristen tulsi alexandria ilhan rashida ayanna
		stephanie cynthia brenda carol deborah amanda melissa rachel nicole christine catherine
		katherine kathleen kate ann anne rose grace alice victoria sophie emma olivia charlotte
		priti kemi yvette harriet nadine ana marta monica teresa beatrix mette magdalena sanna
		roberta frederica maia jacinda`},
	{cMale, `donald joe joseph barack george bill william john james robert michael david
		richard thomas charles christopher daniel matthew anthony mark paul steven steve andrew
		kenneth kevin brian edward ronald timothy jason jeffrey ryan jacob gary nicholas eric
		stephen jonathan larry justin scott brandon benjamin samuel frank gregory raymond
		alexander patrick jack dennis jerry tyler aaron jose adam henry nathan douglas zachary
		peter kyle walter ethan jeremy harold keith christian roger noah gerald carl terry sean
		austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert willie gabriel
		logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip
		johnny ted marco jeb ben chris rand mike mitch newt rudy rick lindsey bernie tim jd j.d.
		vladimir volodymyr emmanuel keir friedrich olaf boris rishi sergei sergey dmitry yuri
		viktor recep xi benjamin bibi mohammed muhammad ali hassan ahmed abdullah omar kim
		narendra justin jens antonio pedro luiz jair andres javier nicolas pope francis
		alexei alexey mikhail igor oleksandr andriy petro ivan dmytro rustem kyrylo valery
		pete marco kash elon hunter beau corey paul reince sean stephen jared newt
		marco chuck harry kevin mitch john lyndon dwight franklin woodrow abraham
		theodore gov`},
	{cSource, `poll polls survey surveys study studies report reports data results analysis
		document documents records statement memo letter email ad ads filing complaint
		lawsuit indictment transcript figures numbers estimates research census website`},
	{cPlural, `officials people leaders sources experts analysts critics observers diplomats
		lawmakers legislators senators democrats republicans voters supporters protesters
		residents witnesses investigators prosecutors authorities researchers scientists
		economists advisers advisors aides allies members activists organizers organisers
		spokesmen representatives delegates candidates officers police reporters journalists
		polls surveys studies reports documents groups agencies ministers governments
		americans ukrainians russians europeans others some many most several both all few
		administration campaign one two three four five six seven eight nine ten`},
}

func buildLexicon() map[string]entry {
	m := make(map[string]entry, 4096)
	for w, c := range buildCues() {
		m[w] = entry{cue: c, isCue: true}
	}
	for _, cw := range classWords {
		for _, w := range strings.Fields(cw.words) {
			e := m[w]
			e.cls |= cw.c
			m[w] = e
		}
	}
	return m
}
